package cloud.reencrypt.store.obs;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectNames;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.ObsDialect;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.store.UserMetadata;
import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.exception.ObsException;
import com.obs.services.model.AuthTypeEnum;
import com.obs.services.model.GetObjectMetadataRequest;
import com.obs.services.model.GetObjectRequest;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.ObsObject;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ObjectStore} on OBS. Reads stream from {@code GetObject}; writes go through {@link
 * ObsUpload}, which sends small objects in one {@code PutObject} and large ones as a multipart
 * upload that becomes visible only on completion and is aborted on failure. User metadata travels
 * as {@code x-obs-meta-*} headers (AWS's {@code x-amz-meta-*} in the {@link
 * ObsDialect#S3_PATH_STYLE} dialect, which the SDK picks with the signature). The SDK's header
 * encoding is switched off on every request: by default it URL-decodes metadata it reads but does
 * not reliably encode what it writes, which turns {@code +} into a space; {@link
 * cloud.reencrypt.store.UserMetadata} only admits printable ASCII, which needs no encoding.
 */
public final class ObsObjectStore implements ObjectStore {
  /** Part size of multipart uploads, and the largest object sent in a single request. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  /** The smallest part S3-protocol servers accept (every part but the last). */
  static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  private final ObsClient client;
  private final int partSize;

  /**
   * OBS (or an S3-protocol server) at {@code endpoint}, in the dialect the endpoint needs ({@link
   * ObsDialect#forEndpoint}).
   *
   * @param endpoint the {@code OBS_ENDPOINT} setting, e.g. {@code
   *     https://obs.cn-north-4.myhuaweicloud.com}
   * @param credentials the agency's temporary credentials in FunctionGraph, or {@link
   *     cloud.reencrypt.wiring.ObsStores#fromEnvironment} locally
   * @throws IllegalArgumentException if the endpoint is not a URL
   */
  public static ObjectStore connect(String endpoint, Credentials credentials) {
    return connect(endpoint, credentials, ObsDialect.forEndpoint(endpoint));
  }

  /** OBS at {@code endpoint} in an explicit dialect. */
  public static ObjectStore connect(String endpoint, Credentials credentials, ObsDialect dialect) {
    return new ObsObjectStore(ObsDialect.parse(endpoint), credentials, dialect);
  }

  public ObsObjectStore(URI endpoint, Credentials credentials, ObsDialect dialect) {
    this(endpoint, credentials, dialect, DEFAULT_PART_SIZE);
  }

  ObsObjectStore(URI endpoint, Credentials credentials, ObsDialect dialect, int partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("the part size must be at least " + MIN_PART_SIZE);
    }
    this.partSize = partSize;
    this.client =
        credentials.isTemporary()
            ? new ObsClient(
                credentials.accessKey(),
                credentials.secretKey(),
                credentials.securityToken(),
                configuration(endpoint, dialect))
            : new ObsClient(
                credentials.accessKey(), credentials.secretKey(), configuration(endpoint, dialect));
  }

  private static ObsConfiguration configuration(URI endpoint, ObsDialect dialect) {
    ObsConfiguration configuration = new ObsConfiguration();
    configuration.setEndPoint(endpoint.toString());
    // Negotiation would cost an extra request per bucket; the dialect already says which protocol.
    configuration.setAuthTypeNegotiation(false);
    boolean s3 = dialect == ObsDialect.S3_PATH_STYLE;
    configuration.setAuthType(s3 ? AuthTypeEnum.V2 : AuthTypeEnum.OBS);
    configuration.setPathStyle(s3);
    return configuration;
  }

  @Override
  public StoredObject open(String bucket, String key) throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    try {
      GetObjectRequest request = new GetObjectRequest(bucket, key);
      request.setIsEncodeHeaders(false);
      ObsObject object = client.getObject(request);
      return new StoredObject(info(bucket, key, object.getMetadata()), object.getObjectContent());
    } catch (ObsException e) {
      throw ObsErrors.of(e, "read", bucket, key);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    ObjectNames.check(bucket, key);
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

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    return new ObsUpload(client, bucket, key, UserMetadata.validated(userMetadata), partSize);
  }

  @Override
  public StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException {
    throw new UnsupportedOperationException("ranged reads: not yet");
  }

  @Override
  public ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    throw new UnsupportedOperationException("listing: not yet");
  }

  @Override
  public void delete(String bucket, String key) throws ObjectStoreException {
    throw new UnsupportedOperationException("delete: not yet");
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing only releases pooled connections; there is nothing left to lose.
    }
  }

  /** The SDK's view of an object as ours; user metadata names in lower case, as OBS sends them. */
  private static ObjectInfo info(String bucket, String key, ObjectMetadata metadata) {
    Map<String, String> user = new TreeMap<>();
    metadata
        .getAllMetadata()
        .forEach((name, value) -> user.put(name.toLowerCase(Locale.ROOT), String.valueOf(value)));
    Long size = metadata.getContentLength();
    return new ObjectInfo(
        bucket, key, Objects.toString(metadata.getEtag(), ""), size == null ? 0 : size, user);
  }
}
