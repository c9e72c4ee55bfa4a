package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataFileTest {
  @TempDir Path dir;

  @Test
  void readMatching_nanosecondTimeOfToday_readsBackTheRecordItWrote() throws Exception {
    // Nanoseconds since the epoch have 19 digits since 2001, beyond what the parser reads as Long.
    FileIdentity identity = new FileIdentity("(dev=1,ino=2)", 43, 1_795_719_863_806_623_008L);
    MetadataFile written =
        MetadataFile.replacing("abc", identity, Map.of("owner", "team-a"), Optional.empty());
    Path file = dir.resolve("record.json");
    Files.write(file, written.toJson());

    assertEquals(Optional.of(written), MetadataFile.readMatching(file, identity));
  }
}
