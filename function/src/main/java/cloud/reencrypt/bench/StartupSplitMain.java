package cloud.reencrypt.bench;

import cloud.reencrypt.fgs.ApigHandler;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.json.Json;
import cloud.reencrypt.store.ObjectStores;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The child JVM of {@code bench coldstart}'s split rows, one function instance as FunctionGraph
 * runs it with an initializer: the handler is constructed and {@code initializer} runs (timed
 * together, as the platform does both before the first event), then the first request, then
 * requests 1 to {@link #REQUESTS} of the same kind. Prints one line: the initializer's, the first
 * request's and the median of requests 50 to 100 nanoseconds (the warm request).
 *
 * <p>Arguments: {@code apig EVENT} or {@code obs EVENT_PREFIX OBJECTS_DIR}; OBS events are files
 * {@code EVENT_PREFIX0.json} to {@code EVENT_PREFIX100.json}, one object each, so no request finds
 * its output already written and skips the work. Configuration comes from the environment.
 */
public final class StartupSplitMain {
  static final int REQUESTS = 100;
  private static final int WARM_FROM = 50;

  private StartupSplitMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> apigEvent =
        args[0].equals("apig")
            ? Json.asObject(Json.parse(Files.readString(Path.of(args[1]))))
            : null;
    long start = System.nanoTime();
    Request request = request(args, apigEvent);
    long initialized = System.nanoTime();
    long[] times = new long[REQUESTS + 1];
    for (int i = 0; i <= REQUESTS; i++) {
      long before = System.nanoTime();
      request.run(i);
      times[i] = System.nanoTime() - before;
    }
    long[] warm = Arrays.copyOfRange(times, WARM_FROM, REQUESTS + 1);
    Arrays.sort(warm);
    System.out.println((initialized - start) + " " + times[0] + " " + warm[warm.length / 2]);
  }

  /** Builds the handler, runs its initializer, and returns its request number {@code i}. */
  private static Request request(String[] args, Map<String, Object> event) {
    if (event != null) {
      ApigHandler handler = new ApigHandler();
      handler.initializer(LocalContext.fromEnvironment());
      return i ->
          check(
              handler
                      .handleRequest(
                          RuntimeJson.bind(event, APIGTriggerEvent.class),
                          LocalContext.fromEnvironment())
                      .getStatusCode()
                  == 200);
    }
    ObsHandler handler = ObsHandler.withStore(ObjectStores.directory(Path.of(args[2])));
    handler.initializer(LocalContext.fromEnvironment());
    return i -> {
      Object obsEvent = Json.parse(Files.readString(Path.of(args[1] + i + ".json")));
      check(
          handler.handleRequest(Json.asObject(obsEvent), LocalContext.fromEnvironment()).processed()
              == 1);
    };
  }

  private static void check(boolean succeeded) {
    if (!succeeded) {
      throw new IllegalStateException("a request of the split run failed");
    }
  }

  /** One request of the run. */
  private interface Request {
    void run(int number) throws Exception;
  }
}
