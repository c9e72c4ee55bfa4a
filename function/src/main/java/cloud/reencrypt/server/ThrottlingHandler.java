package cloud.reencrypt.server;

import cloud.reencrypt.kms.KmsError;

/**
 * {@code serve}'s front: answers {@code GET /_serve/stats} itself (the counts of {@link
 * RequestWindows}, outside KMS's {@code /v1.0/} paths and without authentication: loopback only,
 * counts only), counts every other request and, over the per-second limit, answers it as KMS's
 * gateway does when the account's quota is used up: 429 {@code APIGW.0308}, in {@code serve}'s
 * nested error body. The rest goes to the KMS API.
 */
final class ThrottlingHandler implements CallHandler {
  static final String STATS_PATH = "/_serve/stats";

  private final RequestWindows windows;
  private final CallHandler kms;

  ThrottlingHandler(RequestWindows windows, CallHandler kms) {
    this.windows = windows;
    this.kms = kms;
  }

  @Override
  public HttpAnswer answer(HttpCall call) {
    if (call.path().equals(STATS_PATH)) {
      return stats(call);
    }
    if (!windows.admit()) {
      return KmsAnswers.error(
          KmsError.THROTTLED.exception(
              "serve --max-tps " + windows.limit() + " allows no more requests this second"),
          HttpAnswer.newRequestId());
    }
    return kms.answer(call);
  }

  private HttpAnswer stats(HttpCall call) {
    String requestId = HttpAnswer.newRequestId();
    if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
      HttpAnswer refused =
          KmsAnswers.error(KmsError.METHOD_NOT_ALLOWED.exception("use GET"), requestId);
      refused.headers().put("Allow", "GET");
      return refused;
    }
    return KmsAnswers.json(200, requestId, windows.stats());
  }
}
