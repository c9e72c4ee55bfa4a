package cloud.reencrypt.store.obs;

import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.AbortMultipartUploadRequest;
import com.obs.services.model.CompleteMultipartUploadRequest;
import com.obs.services.model.InitiateMultipartUploadRequest;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.PartEtag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The multipart calls that streamed uploads ({@link ObsUpload}) and server-side composes ({@link
 * ObsCompose}) share. The user metadata travels with the initiate request, never with the parts:
 * the object takes it when the upload completes.
 */
final class ObsMultipart {
  /** S3 and OBS number parts 1 to 10000. */
  static final int MAX_PARTS = 10_000;

  private ObsMultipart() {}

  /** The user metadata as the SDK sends it (headers not encoded; see {@link ObsObjectStore}). */
  static ObjectMetadata metadata(Map<String, String> userMetadata) {
    ObjectMetadata metadata = new ObjectMetadata();
    userMetadata.forEach(metadata::addUserMetadata);
    return metadata;
  }

  /** Starts a multipart upload carrying the object's metadata; returns its upload ID. */
  static String initiate(
      ObsClient client, String bucket, String key, Map<String, String> userMetadata) {
    InitiateMultipartUploadRequest start = new InitiateMultipartUploadRequest(bucket, key);
    start.setIsEncodeHeaders(false);
    start.setMetadata(metadata(userMetadata));
    return client.initiateMultipartUpload(start).getUploadId();
  }

  /** Completes the upload, which makes the object visible; returns the server's ETag. */
  static String complete(
      ObsClient client, String bucket, String key, String uploadId, List<PartEtag> parts) {
    // The SDK sorts the list it is given, so it gets a copy it may change.
    CompleteMultipartUploadRequest complete =
        new CompleteMultipartUploadRequest(bucket, key, uploadId, new ArrayList<>(parts));
    return Objects.toString(client.completeMultipartUpload(complete).getEtag(), "");
  }

  /** Aborts the upload; never throws, as it runs while another failure is on its way out. */
  static void abortQuietly(ObsClient client, String bucket, String key, String uploadId) {
    try {
      client.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, uploadId));
    } catch (ObsException e) {
      // The incomplete upload stays invisible; a bucket lifecycle rule removes its parts.
    }
  }
}
