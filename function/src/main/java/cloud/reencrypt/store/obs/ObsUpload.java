package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.Md5;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectUpload;
import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.PartEtag;
import com.obs.services.model.PutObjectRequest;
import com.obs.services.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OBS write with memory bounded by one part. Content collects in a buffer of at most the part
 * size. If the object ends within one part it is sent by a single {@code PutObject} on commit;
 * otherwise the first full buffer starts a multipart upload and every full buffer becomes a part. A
 * multipart object appears only when {@code CompleteMultipartUpload} succeeds; on abort or any
 * failure the upload is aborted, so OBS never shows a truncated object. Every request carries
 * {@code Content-MD5}, so the server rejects content damaged on the way.
 */
final class ObsUpload extends ObjectUpload {
  private final ObsClient client;
  private final String bucket;
  private final String key;
  private final Map<String, String> userMetadata;
  private final int partSize;
  private final List<PartEtag> parts = new ArrayList<>();
  private byte[] buffer = new byte[8 * 1024];
  private int buffered;
  private long size;
  private String uploadId;

  ObsUpload(
      ObsClient client, String bucket, String key, Map<String, String> userMetadata, int partSize) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
    this.userMetadata = userMetadata;
    this.partSize = partSize;
  }

  @Override
  protected void append(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int chunk = Math.min(length, partSize - buffered);
      ensureCapacity(buffered + chunk);
      System.arraycopy(bytes, offset, buffer, buffered, chunk);
      buffered += chunk;
      size += chunk;
      offset += chunk;
      length -= chunk;
      if (buffered == partSize) {
        sendPart();
      }
    }
  }

  @Override
  protected ObjectInfo publish() throws IOException {
    try {
      String etag = uploadId == null ? putWhole() : completeMultipart();
      return new ObjectInfo(bucket, key, etag, size, userMetadata);
    } catch (ObsException e) {
      throw ObsErrors.of(e, "write", bucket, key);
    }
  }

  @Override
  protected void discard() {
    buffer = null;
    if (uploadId != null) {
      ObsMultipart.abortQuietly(client, bucket, key, uploadId);
    }
  }

  private String putWhole() {
    PutObjectRequest request =
        new PutObjectRequest(bucket, key, new ByteArrayInputStream(buffer, 0, buffered));
    request.setIsEncodeHeaders(false);
    ObjectMetadata metadata = ObsMultipart.metadata(userMetadata);
    metadata.setContentLength((long) buffered);
    metadata.setContentMd5(contentMd5());
    request.setMetadata(metadata);
    return Objects.toString(client.putObject(request).getEtag(), "");
  }

  private String completeMultipart() throws IOException {
    if (buffered > 0) {
      sendPart();
    }
    return ObsMultipart.complete(client, bucket, key, uploadId, parts);
  }

  private void sendPart() throws ObjectStoreException {
    if (parts.size() == ObsMultipart.MAX_PARTS) {
      throw new ObjectStoreException(
          ObjectStoreException.Reason.FAILED,
          "object "
              + ObjectStoreException.location(bucket, key)
              + " exceeds "
              + ObsMultipart.MAX_PARTS
              + " parts of "
              + partSize
              + " bytes");
    }
    try {
      if (uploadId == null) {
        uploadId = ObsMultipart.initiate(client, bucket, key, userMetadata);
      }
      UploadPartRequest part =
          new UploadPartRequest(
              bucket, key, (long) buffered, new ByteArrayInputStream(buffer, 0, buffered));
      part.setUploadId(uploadId);
      part.setPartNumber(parts.size() + 1);
      part.setContentMd5(contentMd5());
      parts.add(new PartEtag(client.uploadPart(part).getEtag(), parts.size() + 1));
      buffered = 0;
    } catch (ObsException e) {
      throw ObsErrors.of(e, "write", bucket, key);
    }
  }

  private String contentMd5() {
    MessageDigest digest = Md5.newDigest();
    digest.update(buffer, 0, buffered);
    return Base64.getEncoder().encodeToString(digest.digest());
  }

  private void ensureCapacity(int needed) {
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(partSize, Math.max(needed, buffer.length * 2)));
    }
  }
}
