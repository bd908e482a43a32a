package dev.notes.note;

import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.platform.Constraints;
import dev.notes.platform.Times;
import dev.notes.user.Caller;
import dev.notes.user.ModerationLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The note use cases. Each public method is one transaction; arguments are checked by Bean
 * Validation before it starts ({@code ConstraintViolationException} otherwise). Changes are made
 * as the {@link Caller}, who must be logged in ({@code NotLoggedInException} otherwise).
 */
@ApplicationScoped
@Transactional
public class NoteService {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private NoteCount noteCount;

    @Inject
    private Caller caller;

    /** Notes per page of the list by title. */
    public static final int PAGE_SIZE = 50;

    /** The first notes by title (case-insensitively), then by key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TitlePage firstPage() {
        List<NoteSummary> rows = em.createNamedQuery(Note.FIRST_BY_TITLE, NoteSummary.class)
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
        return forward(rows, false);
    }

    /**
     * The notes that follow {@code cursor} in the list by title; the last page when none follow it
     * any more (its notes were deleted meanwhile), so that a reader is never left on an empty page.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TitlePage pageAfter(@NotNull PageCursor cursor) {
        List<NoteSummary> rows = page(Note.AFTER_BY_TITLE, cursor);
        return rows.isEmpty() ? pageEndingBefore(cursor, false) : forward(rows, true);
    }

    /** The notes from {@code cursor} on, its own note included if it still exists (a page as shown). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TitlePage pageFrom(@NotNull PageCursor cursor) {
        return forward(page(Note.FROM_BY_TITLE, cursor), true);
    }

    /**
     * The notes that precede {@code cursor}; the first page when fewer than a page precede it, so
     * going back always ends on a full first page.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TitlePage pageBefore(@NotNull PageCursor cursor) {
        return pageEndingBefore(cursor, true);
    }

    /**
     * The page that ends just before {@code cursor} ({@code followed}: whether notes come after
     * it), or the first page if that one would be short.
     */
    private TitlePage pageEndingBefore(PageCursor cursor, boolean followed) {
        List<NoteSummary> rows = page(Note.BEFORE_BY_TITLE, cursor);
        if (rows.size() <= PAGE_SIZE) {
            return firstPage();
        }
        List<NoteSummary> notes = new ArrayList<>(rows.subList(0, PAGE_SIZE));
        Collections.reverse(notes);
        return new TitlePage(notes, true, followed, noteCount.current());
    }

    /** Counted now; the pages take it from {@link NoteCount}, which counts far less often. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createNamedQuery(Note.COUNT, Long.class).getSingleResult();
    }

    /** One more row than a page, which tells whether there is a page beyond. */
    private List<NoteSummary> page(String query, PageCursor cursor) {
        return em.createNamedQuery(query, NoteSummary.class)
                .setParameter("title", cursor.sortTitle())
                .setParameter("key", cursor.key())
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
    }

    private TitlePage forward(List<NoteSummary> rows, boolean hasPrevious) {
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new TitlePage(hasNext ? rows.subList(0, PAGE_SIZE) : rows, hasPrevious, hasNext, noteCount.current());
    }

    /** The notes that still exist among the keys, in the keys' order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NoteSummary> summariesOf(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, NoteSummary> byKey = em.createNamedQuery(Note.SUMMARIES_BY_KEY, NoteSummary.class)
                .setParameter("keys", keys)
                .setMaxResults(keys.size())
                .getResultStream()
                .collect(Collectors.toMap(NoteSummary::key, Function.identity()));
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Note> find(String key) {
        if (key == null || key.isEmpty() || key.length() > NoteDraft.KEY_MAX) {
            return Optional.empty();
        }
        return em.createNamedQuery(Note.FIND_BY_KEY, Note.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /** Creates the note, written by the caller. */
    public Note create(@NotNull @Valid NoteDraft draft) {
        String author = caller.requireUsername();
        String key = draft.getKey();
        if (find(key).isPresent()) {
            throw new DuplicateNoteKeyException(key);
        }
        Note note = new Note(key, draft.getTitle(), draft.getBody(), author, Times.now());
        em.persist(note);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Lost a race with another request creating the same key: the unique constraint decides.
            if (Constraints.isUniqueViolation(e)) {
                throw new DuplicateNoteKeyException(key);
            }
            throw e;
        }
        events.fire(new NoteEvent(NoteEvent.Kind.CREATED, note.getKey(), note.getTitle(), note.getBody(),
                author, note.getUpdatedAt()));
        return note;
    }

    /**
     * Changes title and body of the note with the draft's key, if the note is still at
     * {@code expectedVersion} (the version the editor loaded) and the caller is its author.
     */
    public Note update(@NotNull @Valid NoteDraft draft, long expectedVersion) {
        String editor = caller.requireUsername();
        String key = draft.getKey();
        Note note = find(key).orElseThrow(() -> new NoteNotFoundException(key));
        requireAuthor(note, editor, "edit");
        if (note.getVersion() != expectedVersion) {
            throw new StaleNoteException(key);
        }
        note.revise(draft.getTitle(), draft.getBody(), Times.now());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleNoteException(key);
        }
        events.fire(new NoteEvent(NoteEvent.Kind.UPDATED, key, note.getTitle(), note.getBody(), editor,
                note.getUpdatedAt()));
        return note;
    }

    /**
     * Deletes the note and (by the database's cascade) its comments, if the caller is its author or
     * an administrator; an administrator's deletion of another's note goes to the {@link ModerationLog}.
     */
    public void delete(String key) {
        remove(key, OptionalLong.empty());
    }

    /** As {@link #delete(String)}, if the note is still at {@code expectedVersion} (the version the caller read). */
    public void delete(String key, long expectedVersion) {
        remove(key, OptionalLong.of(expectedVersion));
    }

    private void remove(String key, OptionalLong expectedVersion) {
        String editor = caller.requireUsername();
        Note note = find(key).orElseThrow(() -> new NoteNotFoundException(key));
        if (!note.isDeletableBy(editor, caller.isAdministrator())) {
            throw new NotPermittedException("Only the author of a note or an administrator may delete it.");
        }
        if (expectedVersion.isPresent() && note.getVersion() != expectedVersion.getAsLong()) {
            throw new StaleNoteException(key);
        }
        em.remove(note);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleNoteException(key);
        }
        if (!note.isAuthoredBy(editor)) {
            ModerationLog.noteDeleted(editor, key, note.getAuthor());
        }
        events.fire(new NoteEvent(NoteEvent.Kind.DELETED, key, note.getTitle(), note.getBody(), editor, Times.now()));
    }

    /** Throws unless {@code username} is the note's author. */
    public static void requireAuthor(Note note, String username, String action) {
        if (!note.isAuthoredBy(username)) {
            throw new NotPermittedException("Only the author of a note may " + action + " it.");
        }
    }
}
