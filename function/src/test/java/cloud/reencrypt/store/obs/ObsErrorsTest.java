package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import com.obs.services.exception.ObsException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Error mapping for answers S3Proxy cannot be made to give (server errors, timeouts); the answers
 * it does give (404, 403, refused connections) are covered against the server itself.
 */
class ObsErrorsTest {
  private static final String SIGNATURE_ERROR_XML =
      "<Error><Code>SignatureDoesNotMatch</Code><Message>no match</Message>"
          + "<RequestId>REQ1</RequestId><StringToSign>PUT\n\nsecret-ish</StringToSign></Error>";

  @Test
  void of_serverError_isFailedWithCodeAndRequestIdOnly() {
    ObsException e =
        new ObsException(
            "boom",
            "<Error><Code>InternalError</Code>"
                + "<Message>We encountered an internal error</Message><RequestId>REQ9</RequestId></Error>");
    e.setResponseCode(500);

    ObjectStoreException mapped = ObsErrors.of(e, "write", "bucket", "k");

    assertEquals(Reason.FAILED, mapped.reason());
    assertEquals(
        "cannot write object 'bucket/k': HTTP 500 InternalError, request ID REQ9",
        mapped.getMessage());
    assertNull(mapped.getCause());
  }

  @Test
  void of_signatureMismatch_isAccessDeniedWithoutServerXml() {
    ObsException e = new ObsException("denied", SIGNATURE_ERROR_XML);
    e.setResponseCode(403);

    ObjectStoreException mapped = ObsErrors.of(e, "read", "bucket", "k");

    assertEquals(Reason.ACCESS_DENIED, mapped.reason());
    assertTrue(mapped.getMessage().contains("SignatureDoesNotMatch"), mapped.getMessage());
    assertFalse(mapped.getMessage().contains("secret-ish"), mapped.getMessage());
  }

  @Test
  void of_readTimeout_isUnavailable() {
    ObsException e = new ObsException("timeout", new SocketTimeoutException("Read timed out"));
    e.setResponseCode(408);

    assertEquals(Reason.UNAVAILABLE, ObsErrors.of(e, "read", "bucket", "k").reason());
  }

  @Test
  void of_handshakeCutShort_isUnavailableNotACertificateFailure() {
    ObsException e =
        new ObsException(
            "Request Error", new SSLHandshakeException("Remote host terminated the handshake"));

    ObjectStoreException mapped = ObsErrors.of(e, "read", "bucket", "k");

    assertEquals(Reason.UNAVAILABLE, mapped.reason());
    assertFalse(mapped.getMessage().contains("certificate"), mapped.getMessage());
  }

  @Test
  void of_serverTimeoutAnswer_isFailedNotUnavailable() {
    ObsException e = new ObsException("timeout");
    e.setResponseCode(408);

    assertEquals(Reason.FAILED, ObsErrors.of(e, "read", "bucket", "k").reason());
  }
}
