package cloud.reencrypt.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * A directory-store write. The content goes to a private file in the staging directory (same file
 * system as the buckets, so renames are atomic) while its MD5 is computed. Commit:
 *
 * <ol>
 *   <li>fsync the staged content and take its {@link FileIdentity};
 *   <li>write the {@link MetadataFile} (ETag, identity, user metadata) to a staged file, fsync it;
 *   <li>rename the metadata record into the metadata tree, then the content onto the object path,
 *       both atomically, then fsync the two directories.
 * </ol>
 *
 * The metadata lands first, so a visible object always has its metadata; a crash between the two
 * renames leaves a record whose identity matches no file, which readers ignore. Readers therefore
 * see the old object or the new one, whole, never a mix. Within one JVM the two renames run under a
 * per-object lock so that concurrent writers of one key (and deletes) also keep content and
 * metadata paired ({@link DirectoryLocks}).
 */
final class DirectoryUpload extends ObjectUpload {
  private final DirectoryLayout layout;
  private final String bucket;
  private final String key;
  private final Map<String, String> userMetadata;
  private final DirectoryPlacement placement;
  private final Path staged;
  private final FileChannel channel;
  private final OutputStream out;
  private final MessageDigest md5 = Md5.newDigest();
  private final ByteArrayOutputStream partMd5s = new ByteArrayOutputStream();
  private int parts;
  private Path stagedMetadata;

  DirectoryUpload(
      DirectoryLayout layout, String bucket, String key, Map<String, String> userMetadata)
      throws IOException {
    this.layout = layout;
    this.bucket = bucket;
    this.key = key;
    this.userMetadata = userMetadata;
    this.placement = new DirectoryPlacement(layout, bucket, key);
    Files.createDirectories(layout.stagingDir());
    this.staged = Files.createTempFile(layout.stagingDir(), "upload-", ".part");
    try {
      this.channel = FileChannel.open(staged, StandardOpenOption.WRITE);
    } catch (IOException e) {
      deleteQuietly(staged);
      throw e;
    }
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
  }

  @Override
  protected void append(byte[] bytes, int offset, int length) throws IOException {
    md5.update(bytes, offset, length);
    out.write(bytes, offset, length);
  }

  /**
   * Appends a whole part of a compose by copying its file inside the kernel. An upload is either
   * streamed ({@link #append}) or composed of parts, never both: a composed object's ETag is made
   * from its parts' MD5s, as on S3 and OBS. A part whose ETag is not its MD5 (itself composed) is
   * hashed first.
   */
  void appendPart(OpenedFile part, String etag) throws IOException {
    out.flush();
    String tag = Etags.normalize(etag);
    partMd5s.writeBytes(HexFormat.of().parseHex(Md5.isHex(tag) ? tag : Md5.hex(part.newStream())));
    long size = part.identity().size();
    for (long copied = 0; copied < size; ) {
      long n = part.channel().transferTo(copied, size - copied, channel);
      if (n <= 0) {
        throw new IOException("a part file shrank while it was copied");
      }
      copied += n;
    }
    parts++;
  }

  /**
   * Publishes; a name the file system refuses as too long is a refused key ({@code
   * INVALID_ARGUMENT}), so the caller does not retry what can never succeed. Other failures (a full
   * disk) stay plain I/O errors, which may pass.
   */
  @Override
  protected ObjectInfo publish() throws IOException {
    try {
      return publishFiles();
    } catch (FileSystemException e) {
      throw FileErrors.isNameTooLong(e) ? FileErrors.of(e, "write", bucket, key) : e;
    }
  }

  private ObjectInfo publishFiles() throws IOException {
    out.flush();
    channel.force(true);
    channel.close();
    FileIdentity identity = FileIdentity.of(staged);
    String etag = parts == 0 ? Md5.hex(md5) : Md5.composedEtag(partMd5s.toByteArray(), parts);
    Path object = layout.objectPath(bucket, key);
    Path metadata = layout.metadataPath(bucket, key);
    Lock tree = DirectoryLocks.treeShared();
    tree.lock();
    try {
      placement.prepareParent(object);
      placement.prepareParent(metadata);
      Lock lock = DirectoryLocks.object(object);
      lock.lock();
      try {
        renameIntoPlace(object, metadata, etag, identity);
      } finally {
        lock.unlock();
      }
      // Still under the shared tree lock: a delete of the same key may empty these directories
      // and remove them as soon as the lock is free.
      DirectoryPlacement.syncDirectory(metadata.getParent());
      DirectoryPlacement.syncDirectory(object.getParent());
    } finally {
      tree.unlock();
    }
    return new ObjectInfo(bucket, key, etag, identity.size(), userMetadata);
  }

  /**
   * Stages the metadata record, keeping the entry of the object being replaced, then renames the
   * record and the content into place. Runs under the object's lock.
   */
  private void renameIntoPlace(Path object, Path metadata, String etag, FileIdentity identity)
      throws IOException {
    Optional<MetadataFile> replaced =
        Files.isRegularFile(object)
            ? MetadataFile.readMatching(metadata, FileIdentity.of(object))
            : Optional.empty();
    stagedMetadata = Files.createTempFile(layout.stagingDir(), "metadata-", ".part");
    DirectoryPlacement.writeDurably(
        stagedMetadata, MetadataFile.replacing(etag, identity, userMetadata, replaced).toJson());
    placement.moveIntoPlace(stagedMetadata, metadata);
    placement.moveIntoPlace(staged, object);
  }

  @Override
  protected void discard() {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was published; the staged file is removed below either way.
    }
    deleteQuietly(staged);
    deleteQuietly(stagedMetadata);
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover staged file is never visible as an object; the next run does not read it.
    }
  }
}
