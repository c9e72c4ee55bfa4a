package cloud.reencrypt.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Which file a metadata record belongs to: the file system's key (device and inode on Unix), size
 * and modification time. A rename keeps all three, so the identity taken from a staged upload still
 * matches after the upload is renamed into place; any other writer (a second upload, a hand edit)
 * yields a different identity, which marks the old metadata as stale.
 *
 * @param fileKey the file system's key as text, or null where the platform has none
 * @param size the size in bytes
 * @param modifiedNanos the modification time in nanoseconds since the epoch
 */
record FileIdentity(
    // Wire names of the metadata record (MetadataFile); size and time are required there, so a
    // record missing them is corrupt rather than read as 0.
    @JsonProperty("file_key") String fileKey,
    @JsonProperty(value = "size", required = true) long size,
    @JsonProperty(value = "modified_nanos", required = true) long modifiedNanos) {

  static FileIdentity of(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Object key = attributes.fileKey();
    return new FileIdentity(
        key == null ? null : key.toString(),
        attributes.size(),
        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }

  boolean sameFile(FileIdentity other) {
    return other != null
        && Objects.equals(fileKey, other.fileKey)
        && size == other.size
        && modifiedNanos == other.modifiedNanos;
  }
}
