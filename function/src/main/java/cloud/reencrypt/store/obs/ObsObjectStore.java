package cloud.reencrypt.store.obs;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ByteRange;
import cloud.reencrypt.store.ComposeParts;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectNames;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.ObsDialect;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.store.UserMetadata;
import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.DeleteObjectRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link ObjectStore} on OBS. Reads stream from {@code GetObject}, ranged reads from a range {@code
 * GetObject} ({@link ObsReads}); listings are {@code ListObjects} pages ({@link ObsListing});
 * deletes are {@code DeleteObject}. Writes go through {@link ObsUpload}, which sends small objects
 * in one {@code PutObject} and large ones as a multipart upload that becomes visible only on
 * completion and is aborted on failure. A compose whose parts are large enough for the dialect
 * ({@link CopyPlan}) is a multipart upload of server-side part copies ({@link ObsCompose}), so its
 * bytes never pass through the function; other composes stream. User metadata travels as {@code
 * x-obs-meta-*} headers (AWS's {@code x-amz-meta-*} in the {@link ObsDialect#S3_PATH_STYLE}
 * dialect, which the SDK picks with the signature). The SDK's header encoding is switched off on
 * every request: by default it URL-decodes metadata it reads but does not reliably encode what it
 * writes, which turns {@code +} into a space; {@link cloud.reencrypt.store.UserMetadata} only
 * admits printable ASCII, which needs no encoding.
 */
public final class ObsObjectStore implements ObjectStore {
  /** Part size of multipart uploads, and the largest object sent in a single request. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  /** The smallest part size streamed uploads may use: the larger of the dialects' minimums. */
  static final int MIN_PART_SIZE = ObsDialect.S3_PATH_STYLE.minPartSize();

  private final ObsClient client;
  private final ObsReads reads;
  private final ObsDialect dialect;
  private final int partSize;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * OBS (or an S3-protocol server) at {@code endpoint}, in the dialect the endpoint needs ({@link
   * ObsDialect#forEndpoint}), on a client of its own that {@link #close} closes. The deployed
   * function's stores share a client instead ({@link ObsConnection}).
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
    this(ObsClients.client(endpoint, credentials, dialect), dialect, partSize, null);
  }

  /**
   * A store on {@code client}.
   *
   * @param release what {@link #close} does instead of closing the client, which then belongs to
   *     someone else; null when the store owns it
   */
  ObsObjectStore(ObsClient client, ObsDialect dialect, int partSize, Runnable release) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("the part size must be at least " + MIN_PART_SIZE);
    }
    this.client = client;
    this.reads = new ObsReads(client);
    this.dialect = dialect;
    this.partSize = partSize;
    this.release = release != null ? release : () -> ObsClients.close(client);
  }

  @Override
  public StoredObject open(String bucket, String key) throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    return reads.open(bucket, key);
  }

  @Override
  public Optional<ObjectInfo> head(String bucket, String key) throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    return reads.head(bucket, key);
  }

  @Override
  public ObjectUpload upload(String bucket, String key, Map<String, String> userMetadata)
      throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    return new ObsUpload(client, bucket, key, UserMetadata.validated(userMetadata), partSize);
  }

  /** A range {@code GetObject} ({@link ObsReads}). */
  @Override
  public StoredObject open(String bucket, String key, long offset, long length)
      throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    return reads.open(bucket, key, ByteRange.of(offset, length));
  }

  @Override
  public ListPage list(String bucket, String prefix, String marker, int maxKeys)
      throws ObjectStoreException {
    ObjectNames.checkListing(bucket, prefix, marker, maxKeys);
    return ObsListing.page(client, bucket, prefix, marker, maxKeys);
  }

  /** {@code DeleteObject}; OBS answers 204 for an absent key too, and a 404 means the same. */
  @Override
  public void delete(String bucket, String key) throws ObjectStoreException {
    ObjectNames.check(bucket, key);
    try {
      client.deleteObject(new DeleteObjectRequest(bucket, key));
    } catch (ObsException e) {
      if (e.getResponseCode() != 404 || "NoSuchBucket".equals(e.getErrorCode())) {
        throw ObsErrors.of(e, "delete", bucket, key);
      }
    }
  }

  /**
   * A server-side copy ({@link ObsCompose}) when {@link CopyPlan} allows it for this dialect's
   * minimum part size; otherwise the streaming compose of {@link ObjectStore}.
   */
  @Override
  public ObjectInfo compose(
      String bucket, String key, Map<String, String> userMetadata, List<ObjectInfo> parts)
      throws IOException {
    ObjectNames.check(bucket, key);
    Map<String, String> metadata = UserMetadata.validated(userMetadata);
    ComposeParts.refuseTarget(bucket, key, parts);
    Optional<List<CopyPlan.Piece>> plan = CopyPlan.of(parts, dialect.minPartSize());
    if (plan.isEmpty()) {
      return ObjectStore.super.compose(bucket, key, metadata, parts);
    }
    return new ObsCompose(client, bucket, key, metadata).copy(plan.get());
  }

  /** Closes the client, or gives a shared one back; a second close does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }
}
