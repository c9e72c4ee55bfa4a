package cloud.reencrypt.fgs;

import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.service.BatchReEncrypt;
import cloud.reencrypt.service.ReEncryptService;
import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API Gateway handler ({@code cloud.reencrypt.fgs.ApigHandler.handleRequest}, the name
 * Terraform deploys). {@code POST .../kms/re-encrypt} is KMS's ReEncrypt, request and response JSON
 * exactly as KMS's; {@code POST .../kms/batch-re-encrypt} is our batch. Every answer is JSON with
 * {@code Content-Type: application/json} and the invocation's request ID as {@code X-Request-Id};
 * every bad input is a 4xx KMS-style error, a 5xx only when the engine reports one (KMS
 * unreachable) or on a defect, and never a stack trace.
 *
 * <p>Logs carry the route, status and error code only: never a body, plaintext or key material.
 */
public final class ApigHandler {
  /** The path of the initializer's rehearsal: KMS's own ReEncrypt path, any project. */
  private static final String REHEARSAL_PATH = "/v1.0/initializer/kms/re-encrypt";

  private final FunctionSetup setup;

  /** The constructor FunctionGraph calls; configuration comes from the first context. */
  public ApigHandler() {
    this(new FunctionSetup(System.getenv()));
  }

  ApigHandler(FunctionSetup setup) {
    this.setup = setup;
  }

  /**
   * FunctionGraph's initializer ({@code initializer_handler =
   * "cloud.reencrypt.fgs.ApigHandler.initializer"}): builds and warms what the first event needs,
   * on this instance ({@link FunctionLifecycle#initialize}).
   *
   * @throws ConfigurationException when the function's configuration is bad (one line)
   */
  public void initializer(Context context) {
    FunctionLifecycle.initialize(setup, context, this::rehearse);
  }

  /** The request as API Gateway would deliver it, through this handler from its entry point. */
  private void rehearse(ReEncryptRequest request, Context context) {
    APIGTriggerEvent event = new APIGTriggerEvent();
    event.setHttpMethod("POST");
    event.setPath(REHEARSAL_PATH);
    event.setIsBase64Encoded(false);
    event.setBody(KmsJson.write(request));
    handleRequest(event, context);
  }

  /**
   * FunctionGraph's snapshot restore hook ({@code restore_hook_handler =
   * "cloud.reencrypt.fgs.ApigHandler.restoreHook"}): fresh random sources, no inherited credentials
   * ({@link FunctionLifecycle#restore}).
   */
  public void restoreHook(Context context) {
    FunctionLifecycle.restore(setup, context);
  }

  /**
   * Handles one API Gateway event.
   *
   * @throws ConfigurationException when the function's configuration is bad (one line)
   */
  public APIGTriggerResponse handleRequest(APIGTriggerEvent event, Context context) {
    ApigRoute route = null;
    try {
      ApigRequest.checkSize(event);
      route = ApigRoute.of(event.getPath());
      ApigRequest.checkMethod(event);
      Object result = dispatch(route, ApigRequest.body(event), context);
      context.getLogger().info("apig " + route.segment() + " 200");
      return respond(200, KmsJson.write(result), context);
    } catch (KmsException e) {
      context.getLogger().info(logLine(route, e.httpStatus()) + " " + e.errorCode());
      return respond(e.httpStatus(), KmsJson.write(e.body()), context);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      KmsException internal = KmsError.INTERNAL_ERROR.exception();
      context.getLogger().error(logLine(route, 500) + " " + e.getClass().getName());
      return respond(internal.httpStatus(), KmsJson.write(internal.body()), context);
    }
  }

  private Object dispatch(ApigRoute route, byte[] body, Context context) {
    ReEncryptService service = setup.service(context);
    return switch (route) {
      case RE_ENCRYPT -> service.reEncrypt(KmsOperation.RE_ENCRYPT.parse(body));
      case BATCH_RE_ENCRYPT -> new BatchReEncrypt(service).run(body);
    };
  }

  private static String logLine(ApigRoute route, int status) {
    return "apig " + (route == null ? "-" : route.segment()) + " " + status;
  }

  private static APIGTriggerResponse respond(int status, String body, Context context) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Request-Id", context.getRequestID());
    if (status == KmsError.METHOD_NOT_ALLOWED.httpStatus()) {
      headers.put("Allow", "POST");
    }
    return new APIGTriggerResponse(status, headers, body);
  }
}
