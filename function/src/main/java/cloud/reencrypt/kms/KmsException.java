package cloud.reencrypt.kms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A KMS-style failure: the error code, the HTTP status KMS gives it and a message safe to show.
 *
 * <p>Errors that did not come from the local catalogue (a real KMS or API gateway answer) keep
 * their own code and status, so a caller sees exactly what the service said.
 */
public final class KmsException extends RuntimeException {
  private final String errorCode;
  private final int httpStatus;

  public KmsException(KmsError error, String message) {
    this(error.code(), error.httpStatus(), message);
  }

  public KmsException(String errorCode, int httpStatus, String message) {
    super(message, null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode);
    this.httpStatus = httpStatus;
  }

  public String errorCode() {
    return errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String errorMsg() {
    return getMessage();
  }

  /**
   * Whether the failure may pass on a later attempt: throttling (429) or a server-side error (5xx,
   * e.g. KMS unreachable). Such a failure says nothing about the request itself.
   */
  public boolean isTransient() {
    return httpStatus == 429 || httpStatus >= 500;
  }

  /**
   * The error as a client may see it. An internal error's message is the operator's to read (the
   * local engine's describes what is wrong with its keystore file), so a client gets KMS's generic
   * message, as real KMS answers; any other error's message names fields and limits only.
   */
  public KmsException forClient() {
    return errorCode.equals(KmsError.INTERNAL_ERROR.code())
        ? KmsError.INTERNAL_ERROR.exception()
        : this;
  }

  /** The inner object of KMS's error body: {@code {"error_code": ..., "error_msg": ...}}. */
  public Detail detail() {
    return new Detail(errorCode, getMessage());
  }

  /** KMS's error body: {@code {"error": {"error_code": ..., "error_msg": ...}}}. */
  public Body body() {
    return new Body(detail());
  }

  /** The error object KMS nests under {@code error}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Detail(String errorCode, String errorMsg) {}

  /** The whole KMS error response body. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Body(Detail error) {}
}
