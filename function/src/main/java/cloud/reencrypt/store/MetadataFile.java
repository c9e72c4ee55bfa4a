package cloud.reencrypt.store;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON record the directory store keeps for each object it wrote, in the hidden metadata tree:
 *
 * <pre>
 * {"etag": "9e107d9d372bb6826bd81d3542a419d6",
 *  "file": {"file_key": "(dev=803,ino=1234)", "size": 43, "modified_nanos": 1700000000000000000},
 *  "user_metadata": {"reencrypt-source-etag": "..."},
 *  "previous": {"etag": ..., "file": ..., "user_metadata": ...}}
 * </pre>
 *
 * <p>{@code file} is the {@link FileIdentity} of the object the record describes; a record only
 * ever vouches for the file with that identity. A commit renames the new record into place before
 * the new object, so for a moment the record is newer than the object: {@code previous} (the entry
 * for the object being replaced) keeps that moment, and a crash inside it, consistent. A file that
 * matches neither entry (replaced by hand, or by a racing process) has no user metadata and its
 * ETag is computed from its content.
 *
 * @param etag hex MD5 of the object's content
 * @param file the identity of the object file the record belongs to
 * @param userMetadata the object's user metadata
 * @param previous the entry of the object this one replaced, without its own previous; or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record MetadataFile(
    String etag, FileIdentity file, Map<String, String> userMetadata, MetadataFile previous) {
  private static final ObjectReader READER = JsonMapping.reader(MetadataFile.class);

  /** The entry in the record at {@code path} that describes {@code object}, if there is one. */
  static Optional<MetadataFile> readMatching(Path path, FileIdentity object) {
    MetadataFile record;
    try {
      record = JsonMapping.read(READER, Files.readAllBytes(path));
    } catch (IOException e) {
      // Missing or unreadable: the object simply has no record.
      return Optional.empty();
    } catch (JsonReadException e) {
      // Corrupt (not JSON, not an object, a member of the wrong type or missing): the same. The
      // object then reads as one put there by hand, and the handler redoes it rather than trust it.
      return Optional.empty();
    }
    if (record.describes(object)) {
      return Optional.of(record);
    }
    return record.previous != null && record.previous.describes(object)
        ? Optional.of(record.previous)
        : Optional.empty();
  }

  /** A record for a new object, remembering the entry of the object it replaces. */
  static MetadataFile replacing(
      String etag,
      FileIdentity file,
      Map<String, String> userMetadata,
      Optional<MetadataFile> replaced) {
    Optional<MetadataFile> entry =
        replaced.map(old -> new MetadataFile(old.etag, old.file, old.userMetadata, null));
    return new MetadataFile(etag, file, userMetadata, entry.orElse(null));
  }

  byte[] toJson() {
    return JsonMapping.write(this).getBytes(StandardCharsets.UTF_8);
  }

  private boolean describes(FileIdentity object) {
    return etag != null && userMetadata != null && object.sameFile(file);
  }
}
