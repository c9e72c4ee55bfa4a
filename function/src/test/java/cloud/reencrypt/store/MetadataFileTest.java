package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataFileTest {
  private static final FileIdentity IDENTITY =
      new FileIdentity("(dev=1,ino=2)", 43, 1_795_719_863_806_623_008L);

  @TempDir Path dir;

  @Test
  void readMatching_nanosecondTimeOfToday_readsBackTheRecordItWrote() throws Exception {
    // Nanoseconds since the epoch have 19 digits since 2001, beyond what a double keeps exactly.
    MetadataFile written =
        MetadataFile.replacing("abc", IDENTITY, Map.of("owner", "team-a"), Optional.empty());
    Path file = dir.resolve("record.json");
    Files.write(file, written.toJson());

    assertEquals(Optional.of(written), MetadataFile.readMatching(file, IDENTITY));
  }

  @Test
  void toJson_replacingARecord_writesTheDocumentedSnakeCaseShape() throws Exception {
    MetadataFile old = MetadataFile.replacing("old", IDENTITY, Map.of(), Optional.empty());
    FileIdentity next = new FileIdentity(null, 1, 2);

    JsonNode json =
        JsonMapping.read(
            JsonMapping.reader(JsonNode.class),
            MetadataFile.replacing("new", next, Map.of("k", "v"), Optional.of(old)).toJson());

    assertEquals(
        JsonMapping.read(
            JsonMapping.reader(JsonNode.class),
            "{\"etag\":\"new\",\"file\":{\"size\":1,\"modified_nanos\":2},"
                + "\"user_metadata\":{\"k\":\"v\"},\"previous\":{\"etag\":\"old\","
                + "\"file\":{\"file_key\":\"(dev=1,ino=2)\",\"size\":43,"
                + "\"modified_nanos\":1795719863806623008},\"user_metadata\":{}}}"),
        json);
  }

  @Test
  void readMatching_recordOfThePreviousObject_givesThePreviousEntry() throws Exception {
    MetadataFile old = MetadataFile.replacing("old", IDENTITY, Map.of(), Optional.empty());
    MetadataFile record =
        MetadataFile.replacing("new", new FileIdentity("x", 1, 2), Map.of(), Optional.of(old));
    Path file = dir.resolve("record.json");
    Files.write(file, record.toJson());

    assertEquals("old", MetadataFile.readMatching(file, IDENTITY).orElseThrow().etag());
  }

  /** Each is a matching record but for one defect. */
  static Stream<String> corruptRecords() {
    String file =
        "{\"file_key\":\"(dev=1,ino=2)\",\"size\":43,\"modified_nanos\":1795719863806623008}";
    return Stream.of(
        "{not json",
        "[]",
        "null",
        "{\"etag\":5,\"file\":" + file + ",\"user_metadata\":{}}",
        "{\"etag\":\"e\",\"file\":" + file.replace(",\"size\":43", "") + ",\"user_metadata\":{}}",
        "{\"etag\":\"e\",\"file\":\"f\",\"user_metadata\":{}}",
        "{\"etag\":\"e\",\"file\":" + file + ",\"user_metadata\":{\"k\":1}}",
        "{\"etag\":\"e\",\"file\":" + file + ",\"user_metadata\":[]}");
  }

  @Test
  void readMatching_intactVersionOfTheCorruptRecords_matches() throws Exception {
    String file =
        "{\"file_key\":\"(dev=1,ino=2)\",\"size\":43,\"modified_nanos\":1795719863806623008}";
    Path path = dir.resolve("record.json");
    Files.writeString(path, "{\"etag\":\"e\",\"file\":" + file + ",\"user_metadata\":{}}");

    assertEquals("e", MetadataFile.readMatching(path, IDENTITY).orElseThrow().etag());
  }

  @ParameterizedTest
  @MethodSource("corruptRecords")
  void readMatching_corruptRecord_isNoRecord(String text) throws Exception {
    Path file = dir.resolve("record.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    assertEquals(Optional.empty(), MetadataFile.readMatching(file, IDENTITY));
  }

  @Test
  void readMatching_missingFile_isNoRecord() {
    assertEquals(Optional.empty(), MetadataFile.readMatching(dir.resolve("absent"), IDENTITY));
  }
}
