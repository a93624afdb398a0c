package fpimport.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;

/**
 * Cascading fields: {@code tree_select} (a nested {@code {"value", "children"}} object
 * whose leaf has {@code children: null}) and {@code tree_multi_select} (a list of those).
 * A cell holds a path of labels or ids, {@code 前端/登录} or {@code 前端 > 登录}.
 *
 * <p>
 * The service rejects a path that stops short of the level the space configures (CW-6),
 * and the create metadata does not say which level that is. So a path must reach a leaf
 * unless the mapping's {@code min_level} allows it to stop at that level or deeper.
 */
final class TreeOptionTranslator extends ItemTranslator {

	/** The characters that separate the levels of a path. */
	private static final String LEVELS = "/>／＞";

	private final FieldDefinition field;

	TreeOptionTranslator(FieldDefinition field, FieldSettings settings, boolean multi) {
		super(field.fieldName(), settings, multi);
		this.field = field;
	}

	@Override
	Translation item(String item) {
		String text = settings().alias(item);
		List<String> steps = new ArrayList<>();
		// by hand rather than by a regex (each part is stripped anyway)
		String path = text.strip();
		int start = 0;
		for (int i = 0; i < path.length(); i++) {
			if (LEVELS.indexOf(path.charAt(i)) >= 0) {
				steps.add(path.substring(start, i).strip());
				start = i + 1;
			}
		}
		steps.add(path.substring(start).strip());
		String name = this.field.fieldName();
		List<FieldOption> level = this.field.options();
		List<FieldOption> chosen = new ArrayList<>();
		for (String step : steps) {
			if (step.isEmpty()) {
				return Translation
					.refused("empty level in '" + item + "' for " + name + "; write a path such as 前端/登录 or 前端 > 登录");
			}
			if (level.isEmpty()) {
				return Translation.refused("'" + item + "' goes below a leaf of " + name + ": '"
						+ chosen.get(chosen.size() - 1).label() + "' has no sub-options");
			}
			FieldOption option = Options.find(level, step);
			String under = chosen.isEmpty() ? "" : " under '" + chosen.get(chosen.size() - 1).label() + "'";
			if (option == null) {
				return Translation.refused("unknown option '" + step + "'" + under + " for " + name + "; "
						+ Options.nearOrList(level, step, "options: "));
			}
			if (option.disabled()) {
				return Translation.refused("option '" + step + "'" + under + " of " + name + " is disabled; options: "
						+ Options.labels(level));
			}
			chosen.add(option);
			level = option.children();
		}
		if (!level.isEmpty()) {
			Integer minLevel = settings().minLevel();
			if (minLevel == null) {
				return Translation.refused("'" + item + "' stops before a leaf of " + name + "; continue with one of: "
						+ Options.labels(level) + " (or set min_level for the field)");
			}
			if (chosen.size() < minLevel) {
				return Translation.refused("'" + item + "' stops at level " + chosen.size() + " of " + name
						+ ", which needs level " + minLevel + "; continue with one of: " + Options.labels(level));
			}
		}
		Map<String, Object> value = null;
		for (int i = chosen.size() - 1; i >= 0; i--) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("value", chosen.get(i).value());
			node.put("children", value);
			value = Collections.unmodifiableMap(node);
		}
		return Translation.of(value);
	}

}
