package cloud.reencrypt.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a store knows about one object.
 *
 * @param bucket the bucket name
 * @param key the object key
 * @param etag the entity tag without quotes: the hex MD5 of the content for objects written in one
 *     part (OBS, S3 and the directory store alike), an opaque value for multipart objects
 * @param size the content length in bytes
 * @param userMetadata the user metadata ({@code x-obs-meta-*} on OBS), names in lower case
 */
public record ObjectInfo(
    String bucket, String key, String etag, long size, Map<String, String> userMetadata) {

  public ObjectInfo {
    Objects.requireNonNull(bucket);
    Objects.requireNonNull(key);
    etag = Objects.requireNonNull(Etags.normalize(etag), "etag");
    userMetadata = Collections.unmodifiableSortedMap(new TreeMap<>(userMetadata));
  }

  /** One user metadata value, if present. */
  public Optional<String> userMetadata(String name) {
    return Optional.ofNullable(userMetadata.get(name));
  }
}
