package cloud.reencrypt.bench;

import cloud.reencrypt.fgs.ApigHandler;
import cloud.reencrypt.fgs.ObsHandler;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.store.ObjectStores;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import java.io.IOException;
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
    long start = System.nanoTime();
    Request request = request(args);
    long initialized = System.nanoTime();
    long[] times = new long[REQUESTS + 1];
    for (int i = 0; i <= REQUESTS; i++) {
      // The platform hands the handler a bound event; binding it is not the handler's time.
      Runnable call = request.prepare(i);
      long before = System.nanoTime();
      call.run();
      times[i] = System.nanoTime() - before;
    }
    long[] warm = Arrays.copyOfRange(times, WARM_FROM, REQUESTS + 1);
    Arrays.sort(warm);
    System.out.println((initialized - start) + " " + times[0] + " " + warm[warm.length / 2]);
  }

  /** Builds the handler and runs its initializer; the result prepares its request {@code i}. */
  private static Request request(String[] args) throws IOException {
    if (args[0].equals("apig")) {
      String event = Files.readString(Path.of(args[1]));
      ApigHandler handler = new ApigHandler();
      handler.initializer(LocalContext.fromEnvironment());
      return i -> {
        APIGTriggerEvent bound =
            (APIGTriggerEvent) RuntimeJson.event(event, APIGTriggerEvent.class);
        return () ->
            check(
                handler.handleRequest(bound, LocalContext.fromEnvironment()).getStatusCode()
                    == 200);
      };
    }
    ObsHandler handler = ObsHandler.withStore(ObjectStores.directory(Path.of(args[2])));
    handler.initializer(LocalContext.fromEnvironment());
    return i -> {
      @SuppressWarnings("unchecked") // a JSON object, as the runtime binds a Map parameter
      Map<String, Object> event =
          (Map<String, Object>)
              RuntimeJson.event(Files.readString(Path.of(args[1] + i + ".json")), Map.class);
      return () ->
          check(handler.handleRequest(event, LocalContext.fromEnvironment()).processed() == 1);
    };
  }

  private static void check(boolean succeeded) {
    if (!succeeded) {
      throw new IllegalStateException("a request of the split run failed");
    }
  }

  /** Request number {@code i}, its event bound and ready to hand to the handler. */
  private interface Request {
    Runnable prepare(int number) throws IOException;
  }
}
