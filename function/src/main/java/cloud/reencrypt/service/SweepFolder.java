package cloud.reencrypt.service;

import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sweep's objects in its job folder ({@link JobFolder}, which keeps {@code status.json} and
 * {@code cancel}):
 *
 * <pre>
 * plan.json                    what the sweep does ({@link SweepPlan}); written first
 * pages/pNNNNNN.json           listing page N ({@link SweepPage}): a work item
 * pages/pNNNNNN.done.json      its commit record ({@link SweepRecord})
 * continue/pNNNNNN-….json      page N handed on to a fresh invocation (a work item)
 * report.json                  a dry run's report ({@link SweepReport}), once it is done
 * </pre>
 *
 * <p>Pages and plans can be written again with the same meaning; a record is written once its page
 * is done.
 */
final class SweepFolder {
  static final String PAGES = "pages";
  private static final ObjectReader PLAN = JsonMapping.reader(SweepPlan.class);
  private static final ObjectReader PAGE = JsonMapping.reader(SweepPage.class);
  private static final ObjectReader REPORT = JsonMapping.reader(SweepReport.class);
  private static final ObjectReader RECORD = JsonMapping.reader(SweepRecord.class);

  private final JobFolder job;

  SweepFolder(JobFolder job) {
    this.job = job;
  }

  JobFolder job() {
    return job;
  }

  Optional<SweepPlan> plan() throws IOException {
    return job.read("plan.json", PLAN);
  }

  void writePlan(SweepPlan plan) throws IOException {
    job.write("plan.json", plan);
  }

  Optional<SweepPage> page(int index) throws IOException {
    return job.read(page(index, ".json"), PAGE);
  }

  void writePage(SweepPage page) throws IOException {
    job.write(page(page.index(), ".json"), page);
  }

  /** A dry run's report ({@code report.json}), written when the dry run is done. */
  void writeReport(SweepReport report) throws IOException {
    job.write("report.json", report);
  }

  Optional<SweepReport> report() throws IOException {
    return job.read("report.json", REPORT);
  }

  boolean isDone(int index) throws IOException {
    return job.read(page(index, ".done.json"), RECORD).isPresent();
  }

  void commit(SweepRecord record) throws IOException {
    job.write(page(record.index(), ".done.json"), record);
  }

  /**
   * Hands a page on to a fresh invocation, under a new name each time: the continuation holds the
   * page's counts so far ({@link SweepRecord}, {@code listed} being the objects handled), and the
   * fresh invocation goes on from there.
   */
  void handOn(SweepRecord partial, String attempt) throws IOException {
    job.write(
        String.format("%s/p%06d-%s.json", JobFolder.CONTINUATIONS, partial.index(), attempt),
        partial);
  }

  /** A continuation's counts so far. */
  Optional<SweepRecord> continuation(String name) throws IOException {
    return job.read(name, RECORD);
  }

  /** Pages listed so far, and the records of those done, in page order. */
  SweepProgress progress() throws IOException {
    int pages = 0;
    List<SweepRecord> records = new ArrayList<>();
    for (String name : job.names(PAGES + "/")) {
      if (name.endsWith(".done.json")) {
        records.add(job.<SweepRecord>read(name, RECORD).orElseThrow());
      } else {
        pages++;
      }
    }
    return new SweepProgress(pages, List.copyOf(records));
  }

  private static String page(int index, String suffix) {
    return String.format("%s/p%06d%s", PAGES, index, suffix);
  }
}
