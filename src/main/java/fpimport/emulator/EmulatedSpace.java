package fpimport.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import fpimport.emulator.SpaceFixture.Field;
import fpimport.emulator.SpaceFixture.Option;
import fpimport.emulator.SpaceFixture.Type;
import tools.jackson.databind.JsonNode;

/**
 * The state of the emulated space, for tests and demos to inspect and change: its items,
 * call counts, options and permissions. Thread-safe.
 */
public final class EmulatedSpace {

	// a realistic-looking int64 range, so clients never mistake an id for a row number
	private static final long FIRST_ID = 6_184_000_001L;

	private volatile SpaceFixture fixture;

	private final Map<Long, StoredItem> items = new LinkedHashMap<>();

	private long nextId = FIRST_ID;

	private volatile boolean permitted = true;

	private volatile boolean pluginInstalled = true;

	private volatile boolean relationsReadable = true;

	private final Set<String> revokedUsers = ConcurrentHashMap.newKeySet();

	private final AtomicInteger createCalls = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger droppedAnswers = new AtomicInteger();

	private final AtomicInteger deletions = new AtomicInteger();

	private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();

	private final AfterCreate afterCreate = new AfterCreate(this);

	EmulatedSpace(SpaceFixture fixture) {
		this.fixture = fixture;
	}

	AfterCreate afterCreate() {
		return this.afterCreate;
	}

	/**
	 * Where an item stands: its state (state flow) or its current nodes (node flow).
	 * @throws IllegalArgumentException when there is no such item
	 */
	public List<String> currentStates(long itemId) {
		StoredItem item = item(itemId).orElseThrow(() -> new IllegalArgumentException("no work item " + itemId));
		return this.afterCreate.current(this.fixture.type(item.typeKey()).orElseThrow(), item);
	}

	/** Whether the item was aborted. */
	public boolean aborted(long itemId) {
		return this.afterCreate.aborted(itemId);
	}

	/** The texts of the item's comments, oldest first. */
	public List<String> comments(long itemId) {
		return this.afterCreate.commentTexts(itemId);
	}

	/**
	 * Sets the size limit of one upload (default 100 MB), so a test need not send 100 MB.
	 */
	public void maxUploadBytes(long bytes) {
		this.afterCreate.maxFileBytes(bytes);
	}

	/** The space's definition as it is now, options added or disabled included. */
	public SpaceFixture fixture() {
		return this.fixture;
	}

	public String projectKey() {
		return this.fixture.projectKey();
	}

	/** Every stored item, oldest first. */
	public synchronized List<StoredItem> items() {
		return List.copyOf(this.items.values());
	}

	/** The stored items of one type, oldest first. */
	public synchronized List<StoredItem> items(String typeKey) {
		return this.items.values().stream().filter((item) -> item.typeKey().equals(typeKey)).toList();
	}

	/**
	 * The first stored item of a type with this name, for tests that find items by name.
	 */
	public synchronized Optional<StoredItem> item(String typeKey, String name) {
		return items(typeKey).stream().filter((item) -> item.name().equals(name)).findFirst();
	}

	public synchronized Optional<StoredItem> item(long id) {
		return Optional.ofNullable(this.items.get(id));
	}

	public synchronized int itemCount() {
		return this.items.size();
	}

	/** How many requests reached the create endpoint, whatever their answer. */
	public int createCalls() {
		return this.createCalls.get();
	}

	/** How many API requests arrived, the token endpoint included. */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * How many answers carried this err_code (0 = success; gateway answers count as
	 * 502/504).
	 */
	public int answers(int errCode) {
		AtomicInteger count = this.answers.get(errCode);
		return (count == null) ? 0 : count.get();
	}

	/**
	 * How many creates were stored but their answer dropped by
	 * {@link Faults#droppedCreates}.
	 */
	public int droppedAnswers() {
		return this.droppedAnswers.get();
	}

	/**
	 * Stores an item without any check, as if created by the default user: for seeding a
	 * space (related items, search limits).
	 */
	public long insertItem(String typeKey, String name, Map<String, JsonNode> fields) {
		Type type = this.fixture.type(typeKey)
			.orElseThrow(() -> new IllegalArgumentException("unknown type " + typeKey));
		return store(typeKey, name, Long.parseLong(type.templates().get(0).id()), this.fixture.defaultUserKey(),
				fields);
	}

	/** Removes every item. */
	public synchronized void clearItems() {
		this.items.clear();
	}

	/** Adds an enabled option at the top level of a select-like field. */
	public void addOption(String typeKey, String fieldKey, String value, String label) {
		changeField(typeKey, fieldKey, (field) -> {
			if (findOption(field.options(), value) != null) {
				throw new IllegalArgumentException("field " + fieldKey + " already has option " + value);
			}
			List<Option> options = new ArrayList<>(field.options());
			options.add(new Option(value, label, false, List.of()));
			return withOptions(field, options);
		});
	}

	/** Enables or disables an option at any level of a field. */
	public void setOptionDisabled(String typeKey, String fieldKey, String value, boolean disabled) {
		changeField(typeKey, fieldKey, (field) -> {
			if (findOption(field.options(), value) == null) {
				throw new IllegalArgumentException("field " + fieldKey + " has no option " + value);
			}
			return withOptions(field, setDisabled(field.options(), value, disabled));
		});
	}

	public void enableOption(String typeKey, String fieldKey, String value) {
		setOptionDisabled(typeKey, fieldKey, value, false);
	}

	public void disableOption(String typeKey, String fieldKey, String value) {
		setOptionDisabled(typeKey, fieldKey, value, true);
	}

	/**
	 * Makes every call of every user answer 403 / 10001 until {@link #grantPermission()}.
	 */
	public void revokePermission() {
		this.permitted = false;
	}

	/** Undoes {@link #revokePermission()}; users revoked one by one stay revoked. */
	public void grantPermission() {
		this.permitted = true;
	}

	/** Makes the calls of this acting user answer 403 / 10001. */
	public void revokePermission(String userKey) {
		this.revokedUsers.add(userKey);
	}

	public void grantPermission(String userKey) {
		this.revokedUsers.remove(userKey);
	}

	/**
	 * Makes every call but the token answer 401 / 10301, as when the plugin is not
	 * installed in the space or its API permission is not granted.
	 */
	public void uninstallPlugin() {
		this.pluginInstalled = false;
	}

	public void installPlugin() {
		this.pluginInstalled = true;
	}

	public boolean pluginInstalled() {
		return this.pluginInstalled;
	}

	/**
	 * Makes {@code GET work_item/relation} answer 403 / 10001, as for a plugin or user
	 * allowed to read items but not the space's configuration; every other call goes on.
	 */
	public void revokeRelationPermission() {
		this.relationsReadable = false;
	}

	public void grantRelationPermission() {
		this.relationsReadable = true;
	}

	boolean relationsReadable() {
		return this.relationsReadable;
	}

	/** Whether calls acting as this user are allowed. */
	public boolean permitted(String userKey) {
		return this.permitted && !this.revokedUsers.contains(userKey);
	}

	synchronized long store(String typeKey, String name, long templateId, String userKey,
			Map<String, JsonNode> fields) {
		long id = this.nextId++;
		long now = System.currentTimeMillis();
		this.items.put(id, new StoredItem(id, typeKey, name, templateId, userKey, now, userKey, now, fields));
		return id;
	}

	/** Replaces an item unless it was deleted meanwhile; answers whether it did. */
	synchronized boolean replace(StoredItem item) {
		return this.items.replace(item.id(), item) != null;
	}

	synchronized boolean delete(long id) {
		boolean removed = this.items.remove(id) != null;
		if (removed) {
			this.deletions.incrementAndGet();
		}
		return removed;
	}

	/**
	 * How many items the delete endpoint removed (a delete of a gone item not counted).
	 */
	public int deletions() {
		return this.deletions.get();
	}

	/**
	 * Changes an item as a person would in the web UI: its name (unless {@code null}),
	 * its {@code updated_by}, and its {@code updated_at}, which moves to now and at least
	 * one millisecond past its last value.
	 * @return the item as it is now
	 * @throws IllegalArgumentException when there is no such item
	 */
	public synchronized StoredItem changeByHand(long id, String userKey, String name) {
		StoredItem item = this.items.get(id);
		if (item == null) {
			throw new IllegalArgumentException("no work item " + id);
		}
		StoredItem changed = new StoredItem(id, item.typeKey(), (name != null) ? name : item.name(), item.templateId(),
				item.createdBy(), item.createdAt(), userKey, Math.max(System.currentTimeMillis(), item.updatedAt() + 1),
				item.fields());
		this.items.put(id, changed);
		return changed;
	}

	void countRequest() {
		this.requests.incrementAndGet();
	}

	void countCreateCall() {
		this.createCalls.incrementAndGet();
	}

	void countAnswer(int errCode) {
		this.answers.computeIfAbsent(errCode, (code) -> new AtomicInteger()).incrementAndGet();
	}

	void countDroppedAnswer() {
		this.droppedAnswers.incrementAndGet();
	}

	Map<Integer, Integer> answerCounts() {
		Map<Integer, Integer> counts = new java.util.TreeMap<>();
		this.answers.forEach((code, count) -> counts.put(code, count.get()));
		return counts;
	}

	private synchronized void changeField(String typeKey, String fieldKey, UnaryOperator<Field> change) {
		SpaceFixture current = this.fixture;
		Type type = current.type(typeKey).orElseThrow(() -> new IllegalArgumentException("unknown type " + typeKey));
		Field field = type.field(fieldKey)
			.orElseThrow(() -> new IllegalArgumentException("type " + typeKey + " has no field " + fieldKey));
		Field changed = change.apply(field);
		List<Field> fields = type.fields().stream().map((each) -> (each == field) ? changed : each).toList();
		Type changedType = new Type(type.typeKey(), type.name(), type.apiName(), type.disabled(), type.templates(),
				type.roles(), fields);
		List<Type> types = current.types().stream().map((each) -> (each == type) ? changedType : each).toList();
		this.fixture = current.withTypes(types);
	}

	private static Field withOptions(Field field, List<Option> options) {
		return new Field(field.key(), field.alias(), field.name(), field.type(), field.required(), field.custom(),
				field.selectLevel(), field.defaultValue(), options, field.writable(), field.relation());
	}

	static Option findOption(List<Option> options, String value) {
		for (Option option : options) {
			if (option.value().equals(value)) {
				return option;
			}
			Option child = findOption(option.children(), value);
			if (child != null) {
				return child;
			}
		}
		return null;
	}

	private static List<Option> setDisabled(List<Option> options, String value, boolean disabled) {
		return options.stream()
			.map((option) -> new Option(option.value(), option.label(),
					option.value().equals(value) ? disabled : option.disabled(),
					setDisabled(option.children(), value, disabled)))
			.toList();
	}

	static Set<String> memberKeys(SpaceFixture fixture) {
		Set<String> members = new HashSet<>();
		fixture.teams().forEach((team) -> members.addAll(team.userKeys()));
		return members;
	}

}
