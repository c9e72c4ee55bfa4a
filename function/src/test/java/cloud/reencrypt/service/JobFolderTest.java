package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's plan is only written when every instance can read it back. */
class JobFolderTest {
  @TempDir Path root;

  @Test
  void writePlan_tooManyRangesToReadBack_isRefusedAndWritesNothing() throws IOException {
    Files.createDirectories(root.resolve("jobs"));
    ObjectStore store = ObjectStores.directory(root);
    JobFolder folder = new WorkLocation("jobs", ".reencrypt-work/").job(store, "m-1");

    KmsException e = assertThrows(KmsException.class, () -> folder.writePlan(plan(40_000)));

    assertEquals(KmsError.MESSAGE_TOO_LONG.code(), e.errorCode());
    assertTrue(e.getMessage().contains("40000 ranges"), e.getMessage());
    assertEquals(Optional.empty(), folder.plan());
  }

  @Test
  void writePlan_manyRanges_readsBack() throws IOException {
    Files.createDirectories(root.resolve("jobs"));
    ObjectStore store = ObjectStores.directory(root);
    JobFolder folder = new WorkLocation("jobs", ".reencrypt-work/").job(store, "m-1");

    folder.writePlan(plan(1_000));

    assertEquals(1_000, folder.plan().orElseThrow().ranges().size());
  }

  private static JobPlan plan(int rangeCount) {
    List<JobPlan.Range> ranges = new ArrayList<>();
    for (int i = 0; i < rangeCount; i++) {
      ranges.add(new JobPlan.Range(i * 1024L, (i + 1) * 1024L, i * 10L + 1));
    }
    return new JobPlan(
        "m-1",
        "jobs",
        "keys.jsonl",
        "etag",
        rangeCount * 1024L,
        "jobs",
        "reencrypted/keys.jsonl",
        "key",
        "SYMMETRIC_DEFAULT",
        1024,
        ranges,
        "2026-12-05T00:00:00Z");
  }
}
