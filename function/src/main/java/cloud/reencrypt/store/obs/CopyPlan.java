package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a compose can run as a server-side multipart copy, and its parts if so: a pure function
 * of the parts' sizes and the dialect's minimum part size.
 *
 * <p>A multipart upload accepts parts of at least the minimum size, the last part excepted, and at
 * most {@value #MAX_COPY_PART} bytes each, at most {@value ObsMultipart#MAX_PARTS} of them. So the
 * copy runs when every part but the last reaches the minimum and the last has at least one byte (a
 * copy needs a byte to copy); a part above the maximum is copied in equal ranges that each fit. No
 * parts at all cannot be a multipart upload (it needs one part): that, and everything else, is
 * streamed instead.
 */
final class CopyPlan {
  /** The largest part a multipart upload takes, on OBS and S3 alike (5 GiB). */
  static final long MAX_COPY_PART = 5L * 1024 * 1024 * 1024;

  private CopyPlan() {}

  /**
   * One part of the upload: bytes {@code first} to {@code last} (inclusive) of a source object.
   * Every piece names its range, so the composed object is exactly the bytes the infos describe: a
   * source that has shrunk since fails the copy instead of composing something shorter.
   */
  record Piece(String bucket, String key, long first, long last) {
    long length() {
      return last - first + 1;
    }
  }

  /** The pieces to copy, or empty when the parts must be streamed. */
  static Optional<List<Piece>> of(List<ObjectInfo> parts, long minPartSize) {
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      ObjectInfo part = parts.get(i);
      boolean last = i == parts.size() - 1;
      if (part.size() == 0 || !last && part.size() < minPartSize) {
        return Optional.empty();
      }
      addPieces(pieces, part);
      if (pieces.size() > ObsMultipart.MAX_PARTS) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(pieces));
  }

  /** The part as one piece, or as equal ranges of at most {@link #MAX_COPY_PART} bytes. */
  private static void addPieces(List<Piece> pieces, ObjectInfo part) {
    long count = (part.size() + MAX_COPY_PART - 1) / MAX_COPY_PART;
    long length = (part.size() + count - 1) / count;
    for (long first = 0; first < part.size(); first += length) {
      long last = Math.min(part.size(), first + length) - 1;
      pieces.add(new Piece(part.bucket(), part.key(), first, last));
    }
  }
}
