package cloud.reencrypt.testing;

import cloud.reencrypt.service.ObjectEvent;
import cloud.reencrypt.service.RecordSummary;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.testing.ChainStore.CrashPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Drives the OBS use case as FunctionGraph would, in one process: an event runs, each object its
 * run commits becomes an object-created event, and so on until no event remains. An invocation that
 * crashes is delivered again, as asynchronous retries do, by a fresh instance.
 */
public final class JobChain {
  /** One invocation of the use case on an instance's view of the store. */
  @FunctionalInterface
  public interface Invocation {
    RecordSummary handle(ObjectStore store, ObjectEvent event) throws Exception;
  }

  private final ObjectStore store;
  private final Invocation invocation;
  private final Deque<ObjectEvent> queue = new ArrayDeque<>();
  private final List<RecordSummary> summaries = new ArrayList<>();
  private int crashes;

  public JobChain(ObjectStore store, Invocation invocation) {
    this.store = store;
    this.invocation = invocation;
  }

  /** Runs {@code first} and every event it leads to; no crashes. */
  public List<RecordSummary> run(ObjectEvent first) {
    return run(first, invocation -> CrashPlan.NONE);
  }

  /**
   * Runs {@code first} and every event it leads to.
   *
   * @param crashes per invocation (numbered from 0), when it dies
   */
  public List<RecordSummary> run(ObjectEvent first, LongFunction<CrashPlan> crashes) {
    queue.add(first);
    long invocations = 0;
    while (!queue.isEmpty()) {
      ObjectEvent event = queue.poll();
      ChainStore instance =
          new ChainStore(
              store,
              info ->
                  queue.add(
                      new ObjectEvent(info.bucket(), info.key(), info.etag(), "ObjectCreated:Put")),
              crashes.apply(invocations++));
      try {
        summaries.add(invocation.handle(instance, event));
      } catch (ChainStore.Crash e) {
        this.crashes++;
        queue.addFirst(event);
      } catch (Exception e) {
        throw new IllegalStateException("an invocation failed outside the use case", e);
      }
    }
    return List.copyOf(summaries);
  }

  /** Invocations that crashed so far. */
  public int crashes() {
    return crashes;
  }
}
