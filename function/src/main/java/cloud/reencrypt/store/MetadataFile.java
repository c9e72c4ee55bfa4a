package cloud.reencrypt.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON file the directory store keeps beside each object it wrote, in the hidden metadata tree:
 *
 * <pre>
 * {"etag": "9e107d9d372bb6826bd81d3542a419d6",
 *  "file": {"file_key": "(dev=803,ino=1234)", "size": 43, "modified_nanos": 1700000000000000000},
 *  "user_metadata": {"reencrypt-source-etag": "..."}}
 * </pre>
 *
 * <p>{@code file} is the {@link FileIdentity} of the object the record describes. A record whose
 * identity does not match the object on disk is stale (the object was replaced by hand, or a crash
 * came between the two renames of a commit) and is ignored: the object then has no user metadata
 * and its ETag is computed from its content. So a stale record can never vouch for content it did
 * not describe.
 *
 * @param etag hex MD5 of the object's content
 * @param file the identity of the object file the record belongs to
 * @param userMetadata the object's user metadata
 */
record MetadataFile(String etag, FileIdentity file, Map<String, String> userMetadata) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The record at {@code path} if it exists, parses, and belongs to {@code object}. */
  static Optional<MetadataFile> readMatching(Path path, FileIdentity object) {
    try {
      MetadataFile record = JSON.readValue(Files.readAllBytes(path), MetadataFile.class);
      return record.etag != null && object.sameFile(record.file)
          ? Optional.of(record)
          : Optional.empty();
    } catch (IOException e) {
      // Missing, unreadable or corrupt: treated like a stale record (no metadata, computed ETag).
      return Optional.empty();
    }
  }

  byte[] toJson() throws IOException {
    return JSON.writeValueAsBytes(this);
  }
}
