package cloud.reencrypt.bench;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code bench sweep}'s baseline, run as its own process: one function instance ({@link
 * LocalInvoker}) handles every object under a prefix as its own object-created event, one after
 * another, as the event path would have done them when they were written. The objects are listed
 * through the store first, as a sweep lists them. Prints how many were processed.
 */
public final class SingleInvokesMain {
  private SingleInvokesMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SingleInvokesMain OBJECTS_DIR BUCKET PREFIX");
      System.exit(2);
    }
    ObjectStore store = ObjectStores.directory(Path.of(args[0]));
    LocalInvoker instance = new LocalInvoker(store);
    LongAdder processed = new LongAdder();
    store.forEach(
        args[1],
        args[2],
        object -> {
          String event =
              RuntimeJson.write(
                  EventTemplates.obs(
                      ObsShape.S3, args[1], object.key(), object.etag(), object.size()));
          JsonNode result = instance.invoke(event, LocalContext.fromEnvironment());
          processed.add(result.path("processed").asLong());
        });
    System.out.println(processed.sum());
  }
}
