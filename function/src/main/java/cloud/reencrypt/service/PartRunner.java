package cloud.reencrypt.service;

import cloud.reencrypt.service.JobPlan.Range;
import cloud.reencrypt.service.ManifestProcessor.ManifestCounts;
import cloud.reencrypt.service.PartRecord.PartCursor;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.StoredObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Re-encrypts one part of a job: reads the manifest from the part's first line, processes the lines
 * that start inside the part, writes their output lines whole or not at all, and then commits the
 * part's record. Nothing of a part that fails (a transient KMS error, a refused key, a crash) is
 * committed; the next attempt starts the same part again.
 */
final class PartRunner {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final ObjectStore store;
  private final ReEncryptService service;
  private final int concurrency;

  PartRunner(ObjectStore store, ReEncryptService service, int concurrency) {
    this.store = store;
    this.service = service;
    this.concurrency = concurrency;
  }

  PartRecord run(JobPlan plan, JobFolder folder, PartCursor cursor) throws IOException {
    long started = System.nanoTime();
    Range range = plan.ranges().get(cursor.range());
    long length = range.end() - cursor.start();
    long limit = range.partLimit(cursor.index(), plan.partBytes()) - cursor.start();
    ManifestProcessor processor =
        new ManifestProcessor(
            service,
            Optional.of(plan.destinationKeyId()),
            plan.destinationAlgorithm(),
            concurrency);
    try (StoredObject source =
            store.open(plan.sourceBucket(), plan.sourceKey(), cursor.start(), length);
        ObjectUpload upload = folder.partUpload(cursor.range(), cursor.index())) {
      plan.requireSource(source.info().etag());
      BufferedOutputStream out = new BufferedOutputStream(upload.stream(), BUFFER_BYTES);
      ManifestCounts counts = processor.process(source.content(), out, cursor.firstLine(), limit);
      out.flush();
      KeyRefusals.check(counts);
      upload.commit();
      PartRecord record = record(cursor, counts, (System.nanoTime() - started) / 1_000_000);
      folder.commit(record);
      return record;
    }
  }

  private static PartRecord record(PartCursor cursor, ManifestCounts counts, long millis) {
    return new PartRecord(
        cursor.range(),
        cursor.index(),
        cursor.start(),
        cursor.start() + counts.bytes(),
        cursor.firstLine(),
        counts.lines(),
        counts.failed(),
        counts.failures(),
        JobInstance.ID,
        millis);
  }
}
