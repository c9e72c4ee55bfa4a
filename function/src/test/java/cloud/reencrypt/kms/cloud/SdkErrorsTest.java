package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import com.huaweicloud.sdk.core.exception.CallTimeoutException;
import com.huaweicloud.sdk.core.exception.ConnectionException;
import com.huaweicloud.sdk.core.exception.ConnectionTimeoutException;
import com.huaweicloud.sdk.core.exception.HostUnreachableException;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.exception.SslHandShakeException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdkErrorsTest {
  @ParameterizedTest
  @CsvSource({
    "429, APIGW.0308, THROTTLED",
    "429, , THROTTLED",
    "500, KMS.0101, TRANSIENT",
    "502, , TRANSIENT",
    "503, KMS.0104, TRANSIENT",
    "504, , TRANSIENT",
    "400, KMS.0205, PERMANENT",
    "401, APIGW.0301, PERMANENT",
    "403, KMS.0306, PERMANENT",
    "404, KMS.0207, PERMANENT",
    "501, , PERMANENT"
  })
  void classify_serviceAnswer_byStatusAndCode(int status, String code, Failure expected) {
    assertEquals(expected, SdkErrors.classify(answer(status, code, "msg")));
  }

  @Test
  void classify_transportFailures_tellWhetherTheRequestWasSent() {
    assertEquals(
        Failure.NOT_SENT,
        SdkErrors.classify(new ConnectionException("x", new ConnectException("refused"))));
    assertEquals(
        Failure.NOT_SENT,
        SdkErrors.classify(new ConnectionTimeoutException(new SocketTimeoutException("x"))));
    assertEquals(
        Failure.TRANSIENT,
        SdkErrors.classify(new ConnectionException("x", new SocketException("reset"))));
    assertEquals(Failure.TRANSIENT, SdkErrors.classify(new CallTimeoutException("read")));
    assertEquals(
        Failure.PERMANENT,
        SdkErrors.classify(new HostUnreachableException("x", new UnknownHostException("h"))));
    assertEquals(Failure.PERMANENT, SdkErrors.classify(new SslHandShakeException("x", null)));
    assertEquals(Failure.PERMANENT, SdkErrors.classify(new SdkException("bad input")));
  }

  @Test
  void toKms_serviceError_keepsCodeStatusAndMessage() {
    KmsException e = SdkErrors.toKms(answer(404, "KMS.0207", "The key does not exist"));
    assertEquals("KMS.0207", e.errorCode());
    assertEquals(404, e.httpStatus());
    assertEquals("The key does not exist", e.errorMsg());
  }

  @ParameterizedTest
  @CsvSource({
    "401, APIGW.0301",
    "429, APIGW.0308",
    "503, KMS.0104",
    "502, KMS.0101",
    "404, KMS.0201"
  })
  void toKms_answerWithoutCode_getsACodeForItsStatus(int status, String code) {
    KmsException e = SdkErrors.toKms(answer(status, null, null));
    assertEquals(code, e.errorCode());
    assertEquals(status, e.httpStatus());
    assertTrue(e.errorMsg().contains(String.valueOf(status)));
  }

  @Test
  void toKms_unreadableSuccess_isInternalError() {
    KmsException e = SdkErrors.toKms(answer(200, null, "json parse error"));
    assertEquals("KMS.0101", e.errorCode());
    assertEquals(500, e.httpStatus());
  }

  @Test
  void toKms_noAnswer_is503ServiceUnavailableSayingWhy() {
    assertUnavailable(
        new ConnectionException("x", new ConnectException("Connection refused")),
        "Connection refused");
    assertUnavailable(new ConnectionTimeoutException(new SocketTimeoutException()), "connect");
    assertUnavailable(new CallTimeoutException("read"), "read timeout");
    assertUnavailable(new HostUnreachableException("x", null), "host name");
    assertUnavailable(new SslHandShakeException("x", null), "TLS");
  }

  @Test
  void toKms_otherClientFailure_isInternalErrorWithoutTheSdkText() {
    KmsException e = SdkErrors.toKms(new SdkException("secret-ish detail"));
    assertEquals("KMS.0101", e.errorCode());
    assertEquals(500, e.httpStatus());
    assertTrue(!e.errorMsg().contains("secret-ish"));
  }

  private static void assertUnavailable(SdkException failure, String mentions) {
    KmsException e = SdkErrors.toKms(failure);
    assertEquals("KMS.0104", e.errorCode());
    assertEquals(503, e.httpStatus());
    assertTrue(e.errorMsg().contains(mentions), e.errorMsg());
  }

  private static ServiceResponseException answer(int status, String code, String message) {
    return ServiceResponseException.mapException(status, code, message, "req-1");
  }
}
