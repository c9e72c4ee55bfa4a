package cloud.reencrypt.fgs.local.follow;

import cloud.reencrypt.fgs.local.follow.WorkerProtocol.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's side of one worker process: started with the inherited environment and working
 * directory, its messages posted to the driver's inbox by a reader thread, ending with an {@link
 * Exited} report; its stderr copied to the driver's log, each line prefixed with the worker's name.
 */
final class WorkerProcess {
  /** What a worker's reader thread posts: a message, or the end of the process. */
  sealed interface Report permits Said, Exited {
    WorkerProcess worker();
  }

  record Said(WorkerProcess worker, Message message) implements Report {}

  /**
   * @param status the process's exit status
   */
  record Exited(WorkerProcess worker, int status) implements Report {}

  private final int id;
  private final Process process;
  private final Writer stdin;
  private boolean ready;
  private int events;
  private String ending;

  private WorkerProcess(int id, Process process) {
    this.id = id;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Starts worker {@code id}: {@code command} run as is. */
  static WorkerProcess start(
      int id, List<String> command, BlockingQueue<Report> inbox, PrintStream log)
      throws IOException {
    WorkerProcess worker = new WorkerProcess(id, new ProcessBuilder(command).start());
    daemon("follow-worker-" + id + "-out", () -> worker.readMessages(inbox, log));
    daemon("follow-worker-" + id + "-err", () -> worker.copyLog(log));
    return worker;
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  int id() {
    return id;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public String toString() {
    return "worker " + id + " (pid " + pid() + ")";
  }

  /**
   * Sends one event.
   *
   * @return false when the worker can no longer read (it has died; its {@link Exited} follows)
   */
  boolean send(String eventLine) {
    try {
      stdin.write(new Message(WorkerProtocol.EVENT, eventLine).line());
      stdin.write('\n');
      stdin.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the process at once, as the platform ends an instance that overran its timeout. */
  void kill() {
    process.destroyForcibly();
  }

  /** Ends the worker's input, so it exits once idle; kills it if it has not after a while. */
  void stop() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // it has already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** Whether it said it was ready: a worker that exits before never started. */
  boolean ready() {
    return ready;
  }

  void markReady() {
    ready = true;
  }

  /** Events it finished, whatever their outcome. */
  int events() {
    return events;
  }

  void finishedEvent() {
    events++;
  }

  /** How the process ended when it ended early, or empty. */
  Optional<String> ending() {
    return Optional.ofNullable(ending);
  }

  void ended(String how) {
    ending = how;
  }

  private void readMessages(BlockingQueue<Report> inbox, PrintStream log) {
    try (BufferedReader out = reader(process.getInputStream())) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Optional<Message> message = Message.parse(line);
        if (message.isPresent()) {
          inbox.add(new Said(this, message.get()));
        } else {
          log.println(prefix() + line);
        }
      }
    } catch (IOException e) {
      // the pipe broke: the process is gone, which waitFor reports
    }
    try {
      inbox.add(new Exited(this, process.waitFor()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void copyLog(PrintStream log) {
    try (BufferedReader err = reader(process.getErrorStream())) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        log.println(prefix() + line);
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  private String prefix() {
    return "[w" + id + "] ";
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
