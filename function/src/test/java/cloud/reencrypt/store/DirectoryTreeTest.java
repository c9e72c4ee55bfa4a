package cloud.reencrypt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.store.ObjectStore.ListPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the directory store's listing and delete do with its folder tree beyond the contract: the
 * walk's order and what it skips; the files, records and emptied folders a delete removes.
 */
class DirectoryTreeTest {
  @TempDir Path root;
  DirectoryObjectStore store;

  @BeforeEach
  void createStore() throws IOException {
    Files.createDirectories(root.resolve("bucket"));
    store = new DirectoryObjectStore(root);
  }

  @Test
  void list_charactersAboveBmp_sortAfterHighBmpCharactersAsUtf8Bytes() throws IOException {
    // U+FF21 is EF BC A1 in UTF-8, U+1F600 is F0 9F 98 80; as UTF-16 units the order is reversed.
    List<String> keys = List.of("\uD83D\uDE00", "\uFF21", "a\uD83D\uDE00/x", "a\uFF21/x", "\u00e9");
    for (String key : keys) {
      store.write("bucket", key, Map.of(), out -> out.write(1));
    }

    assertEquals(
        List.of("a\uFF21/x", "a\uD83D\uDE00/x", "\u00e9", "\uFF21", "\uD83D\uDE00"),
        keys(store.list("bucket", null, null, 1000)));
    assertEquals(sortedAsUtf8Bytes(keys), keys(store.list("bucket", null, null, 1000)));
  }

  @Test
  void list_tenThousandObjectsUnderPrefix_pagesThroughAllInOrder() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      // Spread over nested directories and names whose order differs from creation order.
      String key = String.format("jobs/j1/%s/%05d", i % 3 == 0 ? "parts" : "parts/x", 10_000 - i);
      dropFile(key, "c");
      expected.add(key);
    }
    dropFile("jobs/j0/other", "outside the prefix");
    dropFile("jobs/j10", "outside the prefix");

    List<String> listed = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      ListPage page = store.list("bucket", "jobs/j1/", marker, 1000);
      listed.addAll(keys(page));
      marker = page.nextMarker();
      pages++;
    } while (marker != null);

    assertEquals(sortedAsUtf8Bytes(expected), listed);
    assertEquals(10, pages);
  }

  @Test
  void list_hiddenTreesStagedFilesAndLinks_neverListed() throws IOException {
    store.write("bucket", "a/k", Map.of("m", "1"), out -> out.write(1));
    Files.createDirectories(root.resolve(".staging"));
    Files.writeString(root.resolve(".staging/upload-1.part"), "staged");
    Files.createDirectories(root.resolve("other"));
    Files.writeString(root.resolve("other/k"), "another bucket");
    Files.createSymbolicLink(root.resolve("bucket/link"), root.resolve("bucket/a"));
    Files.createSymbolicLink(root.resolve("bucket/file-link"), root.resolve("bucket/a/k"));

    assertEquals(List.of("a/k"), keys(store.list("bucket", null, null, 1000)));
    assertEquals(List.of("k"), keys(store.list("other", null, null, 1000)));
  }

  @Test
  void list_prefixWithSegmentNoKeyCanHave_returnsEmptyLastPage() throws IOException {
    store.write("bucket", "a/k", Map.of(), out -> out.write(1));
    Files.writeString(root.resolve("outside"), "not in any bucket");

    for (String prefix : List.of("../", "a//", "./a/", "a/../", "../outside")) {
      ListPage page = store.list("bucket", prefix, null, 1000);
      assertEquals(List.of(), page.objects(), prefix);
      assertNull(page.nextMarker(), prefix);
    }
  }

  @Test
  void list_objectWrittenByHand_hasContentMd5AsEtag() throws IOException {
    dropFile("hand/made", "abc");

    ObjectInfo listed = store.list("bucket", "hand/", null, 1).objects().get(0);

    assertEquals("900150983cd24fb0d6963f7d28e17f72", listed.etag());
    assertEquals(3, listed.size());
    assertTrue(listed.userMetadata().isEmpty());
  }

  @Test
  void delete_nestedObject_removesFileRecordAndEmptiedFoldersOnly() throws IOException {
    store.write("bucket", "a/b/c", Map.of("m", "1"), out -> out.write(1));
    store.write("bucket", "a/d", Map.of("m", "2"), out -> out.write(2));

    store.delete("bucket", "a/b/c");

    assertFalse(Files.exists(root.resolve("bucket/a/b")));
    assertFalse(Files.exists(root.resolve(".metadata/bucket/a/b")));
    assertTrue(Files.isRegularFile(root.resolve("bucket/a/d")));
    assertTrue(Files.isRegularFile(root.resolve(".metadata/bucket/a/d")));
    assertEquals(Map.of("m", "2"), store.head("bucket", "a/d").orElseThrow().userMetadata());
  }

  @Test
  void delete_lastObjectOfBucket_keepsBucketDirectory() throws IOException {
    store.write("bucket", "a/b", Map.of("m", "1"), out -> out.write(1));

    store.delete("bucket", "a/b");

    assertTrue(Files.isDirectory(root.resolve("bucket")));
    assertFalse(Files.exists(root.resolve("bucket/a")));
    assertFalse(Files.exists(root.resolve(".metadata/bucket/a")));
  }

  @Test
  void delete_keyThatNamesFolderOfOtherKeys_deletesNothing() throws IOException {
    store.write("bucket", "a/b", Map.of("m", "1"), out -> out.write(1));

    store.delete("bucket", "a");

    assertEquals(Map.of("m", "1"), store.head("bucket", "a/b").orElseThrow().userMetadata());
  }

  @Test
  void delete_staleRecordWithoutObject_removesRecord() throws IOException {
    // What a crash between a delete's two steps leaves: the record, not the object.
    store.write("bucket", "k", Map.of("m", "1"), out -> out.write(1));
    Files.delete(root.resolve("bucket/k"));

    store.delete("bucket", "k");

    assertFalse(Files.exists(root.resolve(".metadata/bucket/k")));
  }

  @Test
  void delete_lastObjectBehindLinkToFolder_keepsTheLink() throws IOException {
    store.write("bucket", "real/k", Map.of(), out -> out.write(1));
    Files.createSymbolicLink(root.resolve("bucket/alias"), root.resolve("bucket/real"));

    store.delete("bucket", "alias/k");

    assertFalse(Files.exists(root.resolve("bucket/real/k")));
    assertTrue(Files.isSymbolicLink(root.resolve("bucket/alias")));
  }

  private void dropFile(String key, String content) throws IOException {
    Path file = root.resolve("bucket").resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> keys(ListPage page) {
    return page.objects().stream().map(ObjectInfo::key).toList();
  }

  /** The expected order, computed on the bytes themselves rather than by the code under test. */
  private static List<String> sortedAsUtf8Bytes(List<String> keys) {
    return keys.stream()
        .sorted(
            (a, b) ->
                Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }
}
