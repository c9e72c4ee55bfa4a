package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.WorkerProtocol.Committed;
import cloud.reencrypt.fgs.local.follow.WorkerProtocol.Message;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One worker process of {@code invoke --follow}: a local function instance that handles the events
 * it reads, one at a time, each with a fresh {@link LocalContext} from the environment (so {@code
 * RUNTIME_TIMEOUT} sets each invocation's deadline), on its store (a directory store, or OBS)
 * wrapped in a {@link RecordingStore} that reports each committed object. Speaks {@link
 * WorkerProtocol}; ends when its input ends.
 */
public final class WorkerLoop {
  private final PrintStream protocol;

  private WorkerLoop(PrintStream protocol) {
    this.protocol = protocol;
  }

  /**
   * Runs until {@code in} ends.
   *
   * @param objects the store the events are about; closed at the end
   * @param protocol where messages go, in UTF-8 whatever the platform's encoding; nothing else may
   *     write to it
   */
  public static void run(ObjectStore objects, InputStream in, OutputStream protocol)
      throws IOException {
    WorkerLoop loop = new WorkerLoop(new PrintStream(protocol, false, StandardCharsets.UTF_8));
    try (ObjectStore store = new RecordingStore(objects, loop::committed)) {
      loop.serve(new LocalInvoker(store), in);
    }
  }

  private void serve(LocalInvoker invoker, InputStream in) throws IOException {
    send(WorkerProtocol.READY, Long.toString(ProcessHandle.current().pid()));
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      Optional<Message> message = Message.parse(line);
      if (message.isEmpty() || !message.get().type().equals(WorkerProtocol.EVENT)) {
        send(WorkerProtocol.ERROR, "not an event message");
        continue;
      }
      handle(invoker, message.get().payload());
    }
  }

  private void handle(LocalInvoker invoker, String event) {
    try {
      LocalContext context = LocalContext.fromEnvironment();
      send(WorkerProtocol.STARTED, context.getRequestID());
      send(WorkerProtocol.RESULT, RuntimeJson.writeLine(invoker.invoke(event, context)));
    } catch (RuntimeException e) {
      send(
          WorkerProtocol.ERROR,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private void committed(ObjectInfo info) {
    send(
        WorkerProtocol.COMMITTED,
        JsonMapping.write(new Committed(info.bucket(), info.key(), info.etag(), info.size())));
  }

  /** Sends one message; commits may come from the handler's threads, so one line at a time. */
  private synchronized void send(String type, String payload) {
    protocol.println(new Message(type, payload).line());
    protocol.flush();
  }
}
