package cloud.reencrypt.config;

import java.util.List;
import java.util.Map;

/**
 * Tells whether this process runs inside FunctionGraph. The runtime presets {@code RUNTIME_*}
 * variables in every function's environment; we key on the ones a user cannot set through
 * Terraform's {@code user_data} and would not set on a laptop: {@code RUNTIME_FUNC_NAME}, {@code
 * RUNTIME_HANDLER} and {@code RUNTIME_CODE_ROOT}. Any one of them counts, so a doubtful environment
 * gets FunctionGraph's stricter rules, never the laxer local ones. ({@code RUNTIME_PROJECT_ID} is
 * left out on purpose: it is also a setting people export locally.)
 */
public final class Platform {
  static final List<String> MARKERS =
      List.of("RUNTIME_FUNC_NAME", "RUNTIME_HANDLER", "RUNTIME_CODE_ROOT");

  private Platform() {}

  public static boolean isFunctionGraph(Map<String, String> environment) {
    for (String name : MARKERS) {
      if (!environment.getOrDefault(name, "").isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
