package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.obs.CopyPlan.Piece;
import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.CopyPartRequest;
import com.obs.services.model.PartEtag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compose done by the server: one multipart upload whose parts are {@code UploadPartCopy} copies
 * of the pieces of a {@link CopyPlan}, so no byte passes through this process. The metadata is set
 * when the upload starts; the object appears only when the upload completes, and any failure (a
 * part that has gone, a refused copy) aborts the upload, so the previous object under the key, or
 * none, stays in place. The ETag is the server's multipart ETag, opaque by nature.
 */
final class ObsCompose {
  private final ObsClient client;
  private final String bucket;
  private final String key;
  private final Map<String, String> userMetadata;

  ObsCompose(ObsClient client, String bucket, String key, Map<String, String> userMetadata) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
    this.userMetadata = userMetadata;
  }

  /** Copies the pieces into the object, whole or nothing. */
  ObjectInfo copy(List<Piece> pieces) throws ObjectStoreException {
    String uploadId;
    try {
      uploadId = ObsMultipart.initiate(client, bucket, key, userMetadata);
    } catch (ObsException e) {
      throw ObsErrors.of(e, "write", bucket, key);
    }
    boolean completed = false;
    try {
      List<PartEtag> parts = new ArrayList<>();
      long size = 0;
      for (Piece piece : pieces) {
        parts.add(copyPart(uploadId, piece, parts.size() + 1));
        size += piece.length();
      }
      String etag = complete(uploadId, parts);
      completed = true;
      return new ObjectInfo(bucket, key, etag, size, userMetadata);
    } finally {
      if (!completed) {
        ObsMultipart.abortQuietly(client, bucket, key, uploadId);
      }
    }
  }

  /** Copies one piece; a failure names the part, which is what went wrong. */
  private PartEtag copyPart(String uploadId, Piece piece, int number) throws ObjectStoreException {
    CopyPartRequest copy =
        new CopyPartRequest(uploadId, piece.bucket(), piece.key(), bucket, key, number);
    copy.setByteRangeStart(piece.first());
    copy.setByteRangeEnd(piece.last());
    String etag;
    try {
      etag = client.copyPart(copy).getEtag();
    } catch (ObsException e) {
      throw ObsErrors.of(e, "copy", piece.bucket(), piece.key());
    }
    // A copy can fail after the server has answered 200; the part then has no ETag.
    if (etag == null || etag.isEmpty()) {
      throw new ObjectStoreException(
          ObjectStoreException.Reason.FAILED,
          "cannot copy object "
              + ObjectStoreException.location(piece.bucket(), piece.key())
              + " into part "
              + number
              + " of "
              + ObjectStoreException.location(bucket, key)
              + ": the server reported no ETag");
    }
    return new PartEtag(etag, number);
  }

  private String complete(String uploadId, List<PartEtag> parts) throws ObjectStoreException {
    try {
      return ObsMultipart.complete(client, bucket, key, uploadId, parts);
    } catch (ObsException e) {
      throw ObsErrors.of(e, "write", bucket, key);
    }
  }
}
