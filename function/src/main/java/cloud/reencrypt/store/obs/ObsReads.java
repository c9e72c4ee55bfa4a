package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ByteRange;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.StoredObject;
import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.GetObjectMetadataRequest;
import com.obs.services.model.GetObjectRequest;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.ObsObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OBS store's reads: whole and ranged {@code GetObject}, and {@code HeadObject}, with the SDK's
 * answers turned into {@link ObjectInfo}s. Names are checked by the caller.
 */
final class ObsReads {
  /** The status of a range that starts at or past the end of the object. */
  private static final int RANGE_NOT_SATISFIABLE = 416;

  /** {@code bytes FIRST-LAST/TOTAL}; TOTAL is the whole object's size. */
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

  private final ObsClient client;

  ObsReads(ObsClient client) {
    this.client = client;
  }

  StoredObject open(String bucket, String key) throws ObjectStoreException {
    try {
      ObsObject object = client.getObject(getRequest(bucket, key));
      return new StoredObject(info(bucket, key, object.getMetadata()), object.getObjectContent());
    } catch (ObsException e) {
      throw ObsErrors.of(e, "read", bucket, key);
    }
  }

  /**
   * A range {@code GetObject}; the whole object's size comes from the answer's {@code
   * Content-Range}. A range that asks for nothing, or starts at or past the end (which the server
   * refuses with 416), reads as empty with the info of a {@code HeadObject}.
   */
  StoredObject open(String bucket, String key, ByteRange range) throws ObjectStoreException {
    if (range.isEmpty()) {
      return emptyRead(bucket, key);
    }
    GetObjectRequest request = getRequest(bucket, key);
    request.setRangeStart(range.offset());
    request.setRangeEnd(range.lastByte());
    try {
      ObsObject object = client.getObject(request);
      long size = wholeSize(bucket, key, object);
      return new StoredObject(
          info(bucket, key, object.getMetadata(), size), object.getObjectContent());
    } catch (ObsException e) {
      if (e.getResponseCode() == RANGE_NOT_SATISFIABLE) {
        return emptyRead(bucket, key);
      }
      throw ObsErrors.of(e, "read", bucket, key);
    }
  }

  Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    try {
      GetObjectMetadataRequest request = new GetObjectMetadataRequest(bucket, key);
      request.setIsEncodeHeaders(false);
      return Optional.of(info(bucket, key, client.getObjectMetadata(request)));
    } catch (ObsException e) {
      if (e.getResponseCode() == 404) {
        return Optional.empty();
      }
      throw ObsErrors.of(e, "read", bucket, key);
    }
  }

  /** ETag and size of a listed object; listings carry no user metadata. */
  static ObjectInfo listed(String bucket, String key, ObjectMetadata metadata) {
    return new ObjectInfo(bucket, key, etag(metadata), size(metadata), Map.of());
  }

  private static GetObjectRequest getRequest(String bucket, String key) {
    GetObjectRequest request = new GetObjectRequest(bucket, key);
    request.setIsEncodeHeaders(false);
    return request;
  }

  /** A read of no bytes, with the info of the whole object. */
  private StoredObject emptyRead(String bucket, String key) throws ObjectStoreException {
    ObjectInfo info =
        head(bucket, key).orElseThrow(() -> ObjectStoreException.notFound(bucket, key));
    return new StoredObject(info, InputStream.nullInputStream());
  }

  /**
   * The whole object's size from a range answer's {@code Content-Range}. An answer without one is
   * the whole object sent in place of the range (HTTP allows a server to ignore a range); it is
   * refused and closed rather than passed off as the bytes asked for.
   */
  private static long wholeSize(String bucket, String key, ObsObject answer)
      throws ObjectStoreException {
    Object header = header(answer.getMetadata().getResponseHeaders(), "content-range");
    Matcher range = CONTENT_RANGE.matcher(String.valueOf(header));
    if (header != null && range.matches()) {
      return Long.parseLong(range.group(1));
    }
    try {
      answer.getObjectContent().close();
    } catch (IOException e) {
      // Only the connection is lost; the refusal below is what the caller needs to know.
    }
    throw new ObjectStoreException(
        ObjectStoreException.Reason.FAILED,
        "cannot read a range of object "
            + ObjectStoreException.location(bucket, key)
            + ": the server answered without Content-Range");
  }

  /** A header by name in any case: the SDK passes names on as the dialect's server sent them. */
  private static Object header(Map<String, Object> headers, String name) {
    for (Map.Entry<String, Object> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey())) {
        return header.getValue();
      }
    }
    return null;
  }

  private static ObjectInfo info(String bucket, String key, ObjectMetadata metadata) {
    return info(bucket, key, metadata, size(metadata));
  }

  /** The SDK's view of an object as ours; user metadata names in lower case, as OBS sends them. */
  private static ObjectInfo info(String bucket, String key, ObjectMetadata metadata, long size) {
    Map<String, String> user = new TreeMap<>();
    metadata
        .getAllMetadata()
        .forEach((name, value) -> user.put(name.toLowerCase(Locale.ROOT), String.valueOf(value)));
    return new ObjectInfo(bucket, key, etag(metadata), size, user);
  }

  private static String etag(ObjectMetadata metadata) {
    return Objects.toString(metadata.getEtag(), "");
  }

  private static long size(ObjectMetadata metadata) {
    Long size = metadata.getContentLength();
    return size == null ? 0 : size;
  }
}
