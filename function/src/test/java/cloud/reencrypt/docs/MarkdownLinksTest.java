package cloud.reencrypt.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation's relative links and {@code #anchors} resolve: every link in README.md,
 * docs/*.md, terraform/README.md and events/README.md names a file or directory that exists, and
 * every anchor names a heading of its file (GitHub's heading IDs). The README stays short: the
 * manual lives under docs/.
 */
class MarkdownLinksTest {
  private static final int README_MAX_LINES = 250;

  /** An inline link or image: {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path root = RepoPaths.root();

  @Test
  void readme_lineCount_isAtMost250() throws IOException {
    int lines = Files.readAllLines(root.resolve("README.md")).size();

    assertTrue(
        lines <= README_MAX_LINES,
        "README.md has " + lines + " lines; move detail to docs/ (limit " + README_MAX_LINES + ")");
  }

  @Test
  void docsDirectory_markdownFiles_exist() {
    assertFalse(docsPages().isEmpty(), "no Markdown files under docs/");
  }

  @Test
  void markdownFiles_relativeLinks_resolveToExistingFiles() {
    List<String> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      for (String target : relativeLinks(file)) {
        String path = pathPart(target);
        if (!path.isEmpty() && !Files.exists(file.getParent().resolve(path).normalize())) {
          broken.add(root.relativize(file) + ": (" + target + ") names no file");
        }
      }
    }

    assertEquals(List.of(), broken);
  }

  @Test
  void markdownFiles_anchors_resolveToHeadings() {
    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchorsByFile = new HashMap<>();
    for (Path file : markdownFiles()) {
      for (String target : relativeLinks(file)) {
        int hash = target.indexOf('#');
        if (hash < 0) {
          continue;
        }
        String path = pathPart(target);
        Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        String anchor = target.substring(hash + 1);
        if (!Files.isRegularFile(linked) || !linked.toString().endsWith(".md")) {
          broken.add(root.relativize(file) + ": (" + target + ") anchors into no Markdown file");
        } else if (!anchorsByFile
            .computeIfAbsent(linked, MarkdownLinksTest::anchors)
            .contains(anchor)) {
          broken.add(
              root.relativize(file)
                  + ": ("
                  + target
                  + ") names no heading of "
                  + root.relativize(linked));
        }
      }
    }

    assertEquals(List.of(), broken);
  }

  @Test
  void readme_links_reachEveryManualPage() {
    Set<Path> linked = new TreeSet<>();
    Path readme = root.resolve("README.md");
    for (String target : relativeLinks(readme)) {
      String path = pathPart(target);
      if (!path.isEmpty()) {
        linked.add(readme.getParent().resolve(path).normalize());
      }
    }
    Set<Path> pages = new TreeSet<>(docsPages());
    pages.add(root.resolve("terraform/README.md"));

    pages.removeAll(linked);
    assertEquals(Set.of(), pages, "README.md links to none of these pages");
  }

  @Test
  void slug_headingWithCodeAndPunctuation_isGitHubsId() {
    assertEquals(
        "local-servers-serve-kmss-rest-api-and-start-api-a-local-api-gateway",
        slug("Local servers: `serve` (KMS's REST API) and `start-api` (a local API Gateway)"));
    assertEquals(
        "huawei-cloud-kms-engine-reencrypt_enginekms",
        slug("Huawei Cloud KMS engine (`REENCRYPT_ENGINE=kms`)"));
    assertEquals(
        "local-directory-invoke---objects-dir", slug("Local directory (`invoke --objects DIR`)"));
    assertEquals("see-the-docs", slug("See [the docs](docs/x.md)"));
  }

  @Test
  void anchors_repeatedHeading_getNumberedIds() throws IOException {
    Path file = Files.createTempFile("headings", ".md");
    try {
      Files.writeString(file, "# OBS\n\n```sh\n# not a heading\n```\n\n## OBS\n\n### OBS\n");

      assertEquals(Set.of("obs", "obs-1", "obs-2"), anchors(file));
    } finally {
      Files.delete(file);
    }
  }

  private List<Path> markdownFiles() {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    files.addAll(docsPages());
    files.add(root.resolve("terraform/README.md"));
    files.add(root.resolve("events/README.md"));
    return files;
  }

  private List<Path> docsPages() {
    Path docs = root.resolve("docs");
    if (!Files.isDirectory(docs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(docs)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Link targets outside code, without those that carry a scheme (https:, mailto:...). */
  private static List<String> relativeLinks(Path file) {
    List<String> targets = new ArrayList<>();
    for (String line : proseLines(file)) {
      Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (link.find()) {
        if (!URI_SCHEME.matcher(link.group(1)).find()) {
          targets.add(link.group(1));
        }
      }
    }
    return targets;
  }

  private static String pathPart(String target) {
    int hash = target.indexOf('#');
    return hash < 0 ? target : target.substring(0, hash);
  }

  /** The IDs GitHub gives the file's headings, and explicit {@code <a name>} anchors. */
  static Set<String> anchors(Path file) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines(file)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    return anchors;
  }

  /**
   * GitHub's heading ID: the heading's text (links reduced to their text, markup dropped), lower
   * case, with everything but letters, digits, marks, underscores, hyphens and spaces removed, and
   * each space a hyphen.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    text = text.replaceAll("<[^>]+>", "");
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc}\\- ]", "")
        .replace(' ', '-');
  }

  /** The file's lines outside fenced code blocks (fences may be indented, as in list items). */
  private static List<String> proseLines(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> prose = new ArrayList<>();
    String fence = null;
    for (String line : lines) {
      String trimmed = line.strip();
      if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
        fence = trimmed.substring(0, 3);
      } else if (fence != null && trimmed.startsWith(fence)) {
        fence = null;
      } else if (fence == null) {
        prose.add(line);
      }
    }
    return prose;
  }
}
