package fpimport.translation;

import java.util.List;

import fpimport.metadata.FieldOption;
import fpimport.workitem.MatchKey;
import fpimport.workitem.NearMatch;

/** Finds an option among the options of one level by its id or its label. */
final class Options {

	private Options() {
	}

	/**
	 * The option whose id is the text exactly, else the one whose label matches it, or
	 * {@code null}. An id wins so that an alias may name an option by id.
	 */
	static FieldOption find(List<FieldOption> options, String text) {
		for (FieldOption option : options) {
			if (option.value().equals(text)) {
				return option;
			}
		}
		String key = MatchKey.of(text);
		FieldOption disabledMatch = null;
		for (FieldOption option : options) {
			if (MatchKey.of(option.label()).equals(key)) {
				// two options may share a label when one was disabled and re-created
				if (!option.disabled()) {
					return option;
				}
				disabledMatch = (disabledMatch != null) ? disabledMatch : option;
			}
		}
		return disabledMatch;
	}

	/** The most options a message lists when none is near. */
	private static final int LISTED = 12;

	/**
	 * What a message about an option that matched none suggests: the near options
	 * ({@code did you mean P1?}), else a short list of the enabled options.
	 */
	static String nearOrList(List<FieldOption> options, String text, String listWord) {
		List<FieldOption> enabled = options.stream().filter((option) -> !option.disabled()).toList();
		List<FieldOption> near = NearMatch.among(text, enabled, (option) -> List.of(option.label()));
		if (!near.isEmpty()) {
			return NearMatch.suggestion(near.stream().map(FieldOption::label).toList());
		}
		return listWord + NearMatch.shortList(enabled.stream().map(FieldOption::label).toList(), LISTED);
	}

	/** The labels of the enabled options, for messages: {@code P0, P1, P2}. */
	static String labels(List<FieldOption> options) {
		return String.join(", ",
				options.stream().filter((option) -> !option.disabled()).map(FieldOption::label).toList());
	}

}
