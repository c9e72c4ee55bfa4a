package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import com.huaweicloud.sdk.core.exception.ConnectionException;
import com.huaweicloud.sdk.core.exception.ConnectionTimeoutException;
import com.huaweicloud.sdk.core.exception.HostUnreachableException;
import com.huaweicloud.sdk.core.exception.RequestTimeoutException;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.exception.SslHandShakeException;
import java.net.ConnectException;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Reads the SDK's exceptions: how to classify them for retrying, and the {@link KmsException} each
 * becomes, so callers see the same error JSON and HTTP status as from the local engine.
 *
 * <p>Service errors keep KMS's (or the API gateway's) own code, status and message. Failures that
 * never got an answer become 503 {@code KMS.0104}; an answer the client could not read becomes 500
 * {@code KMS.0101}. Messages never quote a request or response body.
 */
public final class SdkErrors {
  /** The API gateway's throttling code (HTTP 429). */
  public static final String THROTTLED_CODE = KmsError.THROTTLED.code();

  /** The API gateway's signature / authentication code (HTTP 401). */
  public static final String UNAUTHORIZED_CODE = "APIGW.0301";

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(500, 502, 503, 504);

  private SdkErrors() {}

  /** What {@code failure} means for a retry. */
  public static Failure classify(SdkException failure) {
    if (failure instanceof ServiceResponseException response) {
      int status = response.getHttpStatusCode();
      if (status == 429 || THROTTLED_CODE.equals(response.getErrorCode())) {
        return Failure.THROTTLED;
      }
      return TRANSIENT_STATUSES.contains(status) ? Failure.TRANSIENT : Failure.PERMANENT;
    }
    if (failure instanceof SslHandShakeException
        || failure instanceof HostUnreachableException
        || causedBy(failure, SSLPeerUnverifiedException.class)) {
      return Failure.PERMANENT; // configuration (certificate, host name), not luck
    }
    if (failure instanceof ConnectionTimeoutException
        || causedBy(failure, ConnectException.class)) {
      return Failure.NOT_SENT;
    }
    if (failure instanceof ConnectionException || failure instanceof RequestTimeoutException) {
      return Failure.TRANSIENT;
    }
    return Failure.PERMANENT;
  }

  /** The KMS-style error {@code failure} becomes. */
  public static KmsException toKms(SdkException failure) {
    if (failure instanceof ServiceResponseException response) {
      return fromResponse(response);
    }
    if (failure instanceof HostUnreachableException) {
      return unavailable("the KMS endpoint's host name does not resolve");
    }
    if (failure instanceof SslHandShakeException) {
      return unavailable("the TLS handshake with KMS failed");
    }
    if (causedBy(failure, SSLPeerUnverifiedException.class)) {
      // OkHttp checks the host name after the handshake; the SDK reports it as a connection error.
      return unavailable(
          "the TLS handshake with KMS failed: its certificate does not name the host");
    }
    if (failure instanceof ConnectionTimeoutException) {
      return unavailable("KMS could not be reached within the connect timeout");
    }
    if (failure instanceof ConnectionException) {
      return unavailable("the connection to KMS failed" + causeSummary(failure));
    }
    if (failure instanceof RequestTimeoutException) {
      return unavailable("KMS did not answer within the read timeout");
    }
    return KmsError.INTERNAL_ERROR.exception("the KMS client failed");
  }

  private static KmsException fromResponse(ServiceResponseException response) {
    int status = response.getHttpStatusCode();
    if (status < 400) {
      return KmsError.INTERNAL_ERROR.exception("KMS's answer could not be read");
    }
    String code = response.getErrorCode();
    String message = response.getErrorMsg();
    return new KmsException(
        isBlank(code) ? fallbackCode(status) : code,
        status,
        isBlank(message) ? "KMS answered HTTP " + status : message);
  }

  /** A code for an error answer without one, such as a proxy's HTML error page. */
  private static String fallbackCode(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED_CODE;
      case 429 -> THROTTLED_CODE;
      case 503 -> KmsError.SERVICE_UNAVAILABLE.code();
      default -> status >= 500 ? KmsError.INTERNAL_ERROR.code() : KmsError.INVALID_URL.code();
    };
  }

  private static KmsException unavailable(String detail) {
    return KmsError.SERVICE_UNAVAILABLE.exception(detail);
  }

  /**
   * The JDK's reason ("Connection refused", "Connection reset"): names no secret, quotes no data.
   */
  private static String causeSummary(Throwable failure) {
    Throwable cause = failure.getCause();
    return cause == null || isBlank(cause.getMessage()) ? "" : " (" + cause.getMessage() + ")";
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
