package cloud.reencrypt.store.obs;

import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import com.obs.services.exception.ObsException;
import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the SDK's {@link ObsException} into an {@link ObjectStoreException}. The message keeps only
 * the HTTP status, OBS's error code and the request ID (what support asks for); the SDK's own
 * message can carry the server's XML, which for signature errors includes the string that was
 * signed, so neither it nor the SDK exception (as a cause) is passed on. A failed TLS check
 * (certificate or host name, see {@link ObsClients}) is permanent: retrying cannot fix it.
 */
final class ObsErrors {
  private ObsErrors() {}

  static ObjectStoreException of(ObsException e, String action, String bucket, String key) {
    String object = ObjectStoreException.location(bucket, key);
    String failed = "cannot " + action + " object " + object;
    SSLException tls = tlsFailure(e);
    if (tls != null) {
      // Certificates and host names are configuration, not luck: retrying cannot help.
      return new ObjectStoreException(Reason.FAILED, failed + ": " + explain(tls));
    }
    Throwable root = rootCause(e);
    // The SDK reports a refused or timed-out connection as a made-up HTTP 408 with the I/O
    // failure as cause; a real answer from OBS has no I/O cause.
    if (e.getResponseCode() <= 0 || root instanceof IOException) {
      return new ObjectStoreException(
          Reason.UNAVAILABLE,
          failed + ": OBS is unreachable (" + root.getClass().getSimpleName() + ")");
    }
    return answered(e, bucket, object, failed);
  }

  /** A failure OBS answered with a status. */
  private static ObjectStoreException answered(
      ObsException e, String bucket, String object, String failed) {
    return switch (e.getResponseCode()) {
      case 404 ->
          new ObjectStoreException(
              Reason.NOT_FOUND,
              ("NoSuchBucket".equals(e.getErrorCode())
                      ? "bucket '" + bucket + "' does not exist"
                      : "object " + object + " does not exist")
                  + details(e));
      case 401, 403 ->
          new ObjectStoreException(
              Reason.ACCESS_DENIED,
              "access denied to object "
                  + object
                  + " (check the credentials and the agency's OBS permissions)"
                  + details(e));
      default -> new ObjectStoreException(Reason.FAILED, failed + details(e));
    };
  }

  /**
   * The TLS check that refused OBS, or null: a host name the certificate does not name, or a
   * certificate the trust store does not vouch for. Other TLS failures (a handshake cut short) are
   * I/O like any other.
   */
  private static SSLException tlsFailure(Throwable e) {
    SSLException tls = null;
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause instanceof SSLPeerUnverifiedException hostName) {
        return hostName;
      }
      if (cause instanceof SSLException handshake && tls == null) {
        tls = handshake;
      }
      if (tls != null && cause instanceof CertificateException) {
        return tls;
      }
    }
    return null;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }

  private static String explain(SSLException tls) {
    return tls instanceof SSLPeerUnverifiedException
        ? "OBS's TLS certificate does not name the host name connected to (a bucket name with a dot"
            + " cannot match OBS's wildcard certificate)"
        : "OBS's TLS certificate is not trusted (is it issued by a CA in the JDK's trust store?)";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String details(ObsException e) {
    StringBuilder text = new StringBuilder(": HTTP ").append(e.getResponseCode());
    if (e.getErrorCode() != null) {
      text.append(' ').append(e.getErrorCode());
    }
    if (e.getErrorRequestId() != null) {
      text.append(", request ID ").append(e.getErrorRequestId());
    }
    return text.toString();
  }
}
