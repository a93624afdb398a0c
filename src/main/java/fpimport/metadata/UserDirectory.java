package fpimport.metadata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import fpimport.workitem.MatchKey;
import fpimport.workitem.NearMatch;

/**
 * The people a file names, looked up once before the first row: {@code users.aliases}
 * first, then each form of {@code users.match} in order (e-mail, name, user_key by
 * default). E-mails and user_keys are looked up in batches of at most
 * {@value UserSource#MAX_BATCH}; names one search each. Immutable once built, so rows may
 * be planned on several threads.
 */
public final class UserDirectory {

	/** The forms tried when a mapping says nothing. */
	public static final List<PersonForm> DEFAULT_MATCH = List.of(PersonForm.EMAIL, PersonForm.NAME,
			PersonForm.USER_KEY);

	private final Map<String, PersonMatch> matches;

	private UserDirectory(Map<String, PersonMatch> matches) {
		this.matches = Map.copyOf(matches);
	}

	/**
	 * Looks up every distinct person.
	 * @param source where people are found
	 * @param match the forms to try, in order
	 * @param aliases a text that names a person (matched with {@link MatchKey}) to the
	 * e-mail, name or user_key to look up instead
	 * @param persons the texts naming people, repeats allowed
	 * @return the directory of those people
	 */
	public static UserDirectory lookUp(UserSource source, List<PersonForm> match, Map<String, String> aliases,
			Collection<String> persons) {
		Objects.requireNonNull(source, "source");
		if (match.isEmpty()) {
			throw new IllegalArgumentException("match names no form");
		}
		Map<String, String> aliasByKey = new HashMap<>();
		aliases.forEach((alias, target) -> aliasByKey.put(MatchKey.of(alias), target.strip()));
		Map<String, String> targets = new LinkedHashMap<>();
		Map<String, String> aliased = new HashMap<>();
		for (String person : persons) {
			String text = person.strip();
			if (!text.isEmpty()) {
				String alias = aliasByKey.get(MatchKey.of(text));
				if (alias != null) {
					aliased.put(text, alias);
				}
				// the service compares texts as they are: a name, e-mail or user_key
				// typed
				// in full-width letters or digits (an IME's habit) would find nobody
				targets.put(text, Normalizer.normalize((alias != null) ? alias : text, Normalizer.Form.NFKC).strip());
			}
		}
		Map<String, PersonMatch> byTarget = new HashMap<>();
		Set<String> remaining = new LinkedHashSet<>(targets.values());
		for (PersonForm form : match) {
			switch (form) {
				case EMAIL -> byEmail(source, remaining, byTarget);
				case USER_KEY -> byUserKey(source, remaining, byTarget);
				case NAME -> byName(source, remaining, byTarget);
			}
			remaining.removeAll(byTarget.keySet());
		}
		String tried = String.join(", ", match.stream().map(PersonForm::word).toList());
		Map<String, PersonMatch> matches = new HashMap<>();
		// the space's people, asked for once when a text found nobody, for near names
		List<User> everyone = new ArrayList<>();
		boolean[] asked = { false };
		targets.forEach((person, target) -> {
			PersonMatch found = byTarget.get(target);
			String via = aliased.containsKey(person) ? " (users.aliases: '" + aliased.get(person) + "')" : "";
			if (found == null) {
				if (!asked[0]) {
					asked[0] = true;
					everyone.addAll(source.people().stream().filter(User::active).toList());
				}
				String near = NearMatch
					.suggestion(NearMatch
						.among(target, everyone,
								(user) -> List.of(orEmpty(user.nameCn()), orEmpty(user.nameEn()),
										orEmpty(user.username()), orEmpty(user.email())))
						.stream()
						.map(UserDirectory::describe)
						.toList());
				matches.put(person,
						new PersonMatch(person, null,
								"no person '" + person + "'" + via + " found by " + tried + "; "
										+ (near.isEmpty() ? "check the spelling or add it to users.aliases"
												: near + " Write that, or add it to users.aliases")));
			}
			else if (found.found() && !found.user().active()) {
				matches.put(person, new PersonMatch(person, null, "person '" + person + "'" + via + " ("
						+ describe(found.user()) + ") is " + found.user().status() + "; name someone active"));
			}
			else if (found.found()) {
				matches.put(person, new PersonMatch(person, found.user(), null));
			}
			else {
				matches.put(person, new PersonMatch(person, null, found.problem()));
			}
		});
		return new UserDirectory(matches);
	}

	/** The match of a text that {@link #lookUp} was given. */
	public PersonMatch find(String person) {
		String text = person.strip();
		PersonMatch match = this.matches.get(text);
		return (match != null) ? match
				: new PersonMatch(text, null, "person '" + text + "' was not looked up before the first row");
	}

	/** How a person is shown in messages: {@code 张伟 <zhangwei@corp.com>}. */
	public static String describe(User user) {
		String name = firstOf(user.nameCn(), user.nameEn(), user.username(), user.userKey());
		return (user.email() != null && !user.email().isBlank()) ? name + " <" + user.email() + ">" : name;
	}

	private static void byEmail(UserSource source, Set<String> remaining, Map<String, PersonMatch> found) {
		List<String> emails = remaining.stream().filter((text) -> text.contains("@")).toList();
		Map<String, User> byEmail = new HashMap<>();
		inBatches(emails, source::findByEmails).forEach((user) -> {
			if (user.email() != null) {
				byEmail.put(MatchKey.of(user.email()), user);
			}
		});
		for (String email : emails) {
			User user = byEmail.get(MatchKey.of(email));
			if (user != null) {
				found.put(email, new PersonMatch(email, user, null));
			}
		}
	}

	private static void byUserKey(UserSource source, Set<String> remaining, Map<String, PersonMatch> found) {
		// user_keys hold no spaces or '@'; asking for other texts would only waste
		// lookups
		List<String> keys = remaining.stream()
			.filter((text) -> !text.contains("@") && !text.matches(".*\\s.*"))
			.toList();
		Map<String, User> byKey = new HashMap<>();
		inBatches(keys, source::findByUserKeys).forEach((user) -> byKey.put(user.userKey(), user));
		for (String key : keys) {
			User user = byKey.get(key);
			if (user != null) {
				found.put(key, new PersonMatch(key, user, null));
			}
		}
	}

	private static void byName(UserSource source, Set<String> remaining, Map<String, PersonMatch> found) {
		for (String name : remaining) {
			// nobody is named by an e-mail or by digits (a user_key): a search would be
			// wasted
			if (name.contains("@") || name.chars().allMatch(Character::isDigit)) {
				continue;
			}
			String key = MatchKey.of(name);
			Map<String, User> named = new LinkedHashMap<>();
			for (User user : source.searchByName(name)) {
				// the search is fuzzy: keep only people whose name is exactly this one
				if (MatchKey.of(user.nameCn()).equals(key) || MatchKey.of(user.nameEn()).equals(key)
						|| MatchKey.of(user.username()).equals(key)) {
					named.putIfAbsent(user.userKey(), user);
				}
			}
			if (named.size() == 1) {
				found.put(name, new PersonMatch(name, named.values().iterator().next(), null));
			}
			else if (named.size() > 1) {
				List<User> people = new ArrayList<>(named.values());
				people
					.sort(Comparator.comparing((User user) -> firstOf(user.email(), "")).thenComparing(User::userKey));
				found.put(name,
						new PersonMatch(name, null,
								"name '" + name + "' is shared by " + people.size() + " people: "
										+ String.join(", ", people.stream().map(UserDirectory::describe).toList())
										+ "; write the e-mail instead or add users.aliases"));
			}
		}
	}

	private static List<User> inBatches(List<String> values, Function<List<String>, List<User>> lookUp) {
		List<User> users = new ArrayList<>();
		for (int from = 0; from < values.size(); from += UserSource.MAX_BATCH) {
			users.addAll(lookUp
				.apply(List.copyOf(values.subList(from, Math.min(values.size(), from + UserSource.MAX_BATCH)))));
		}
		return users;
	}

	private static String orEmpty(String text) {
		return (text == null) ? "" : text;
	}

	private static String firstOf(String... texts) {
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				return text;
			}
		}
		return "";
	}

}
