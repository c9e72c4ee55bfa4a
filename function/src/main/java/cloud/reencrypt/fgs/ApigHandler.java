package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.service.BatchReEncrypt;
import cloud.reencrypt.service.JobControl;
import cloud.reencrypt.service.SweepStart;
import cloud.reencrypt.service.WorkLocation;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.wiring.ObjectSettingsOf;
import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.io.IOException;
import java.time.Clock;
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

  /**
   * Successful rehearsals where they are free (the local engine). Measured with {@code
   * StartupSplitMain} on the APIG path (7 paired runs): the first real request took a median 0.82
   * ms against 0.99 ms after a single refused rehearsal, with warm requests at 0.23 ms either way.
   * More do not help the first request: 30 or 100 make warm requests faster (0.17–0.2 ms) and leave
   * the first where it is.
   */
  private static final int SUCCESSFUL_REHEARSALS = 5;

  private final FunctionSetup setup;
  private final StoreFactory stores;

  /** The constructor FunctionGraph calls; configuration comes from the first context. */
  public ApigHandler() {
    this(new FunctionSetup(System.getenv()), ObsHandler.OBS_STORES);
  }

  /** A handler on a given setup whose jobs routes, if enabled, read OBS. */
  ApigHandler(FunctionSetup setup) {
    this(setup, ObsHandler.OBS_STORES);
  }

  ApigHandler(FunctionSetup setup, StoreFactory stores) {
    this.setup = setup;
    this.stores = stores;
  }

  /** A handler whose jobs routes read a given store (the local directory store). */
  public static ApigHandler withStore(ObjectStore store) {
    return new ApigHandler(new FunctionSetup(System.getenv()), (context, configuration) -> store);
  }

  /**
   * FunctionGraph's initializer ({@code initializer_handler =
   * "cloud.reencrypt.fgs.ApigHandler.initializer"}): builds and warms what the first event needs,
   * on this instance ({@link FunctionLifecycle#initialize}).
   *
   * @throws ConfigurationException when the function's configuration is bad (one line)
   */
  public void initializer(Context context) {
    FunctionLifecycle.initialize(setup, context, this::rehearse, SUCCESSFUL_REHEARSALS);
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
      route =
          ApigRoute.of(
              event.getPath(), () -> setup.ready(context).configuration().jobsApiEnabled());
      ApigRequest.checkMethod(event, route);
      Object result = dispatch(route, event, context);
      context.getLogger().info("apig " + route.segment() + " 200");
      return respond(200, KmsJson.write(result), route, context);
    } catch (KmsException e) {
      KmsException shown = e.forClient();
      // An internal error's message is the operator's (the log's), never the client's.
      String reason = shown == e ? "" : ": " + e.getMessage();
      context.getLogger().info(logLine(route, e.httpStatus()) + " " + e.errorCode() + reason);
      return respond(e.httpStatus(), KmsJson.write(shown.body()), route, context);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      KmsException internal = KmsError.INTERNAL_ERROR.exception();
      context.getLogger().error(logLine(route, 500) + " " + e.getClass().getName());
      return respond(internal.httpStatus(), KmsJson.write(internal.body()), route, context);
    }
  }

  private Object dispatch(ApigRoute route, APIGTriggerEvent event, Context context) {
    return switch (route) {
      case RE_ENCRYPT ->
          setup.service(context).reEncrypt(KmsOperations.RE_ENCRYPT.parse(ApigRequest.body(event)));
      case BATCH_RE_ENCRYPT ->
          new BatchReEncrypt(setup.service(context)).run(ApigRequest.body(event));
      case JOB -> job(event, context);
      case SWEEP -> sweep(event, context);
    };
  }

  private Object sweep(APIGTriggerEvent event, Context context) {
    return withStore(
        context,
        (store, configuration) -> {
          SweepStart sweeps =
              new SweepStart(
                  store,
                  ObjectSettingsOf.configuration(
                      configuration, configuration.destinationKeyId().orElse("")),
                  Clock.systemUTC());
          return ApigSweeps.handle(ApigRequest.body(event), configuration, sweeps);
        });
  }

  private Object job(APIGTriggerEvent event, Context context) {
    return withStore(
        context,
        (store, configuration) -> {
          WorkLocation work =
              new WorkLocation(
                  configuration.workBucket().orElseThrow(), configuration.workPrefix());
          JobControl jobs = new JobControl(store, work, Clock.systemUTC());
          return ApigJobs.handle(event.getHttpMethod(), ApigRoute.jobId(event.getPath()), jobs);
        });
  }

  /** Runs a jobs route on the invocation's store; a store that cannot be opened is a 503. */
  private Object withStore(Context context, StoreUse use) {
    Configuration configuration = setup.ready(context).configuration();
    try (ObjectStore store = stores.open(context, configuration)) {
      return use.apply(store, configuration);
    } catch (IOException e) {
      throw KmsError.SERVICE_UNAVAILABLE.exception("the work location cannot be opened");
    }
  }

  /** What a jobs route does with the store and the configuration. */
  @FunctionalInterface
  private interface StoreUse {
    Object apply(ObjectStore store, Configuration configuration);
  }

  private static String logLine(ApigRoute route, int status) {
    return "apig " + (route == null ? "-" : route.segment()) + " " + status;
  }

  private static APIGTriggerResponse respond(
      int status, String body, ApigRoute route, Context context) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Request-Id", context.getRequestID());
    if (status == KmsError.METHOD_NOT_ALLOWED.httpStatus()) {
      headers.put("Allow", route.methods());
    }
    return new APIGTriggerResponse(status, headers, body);
  }
}
