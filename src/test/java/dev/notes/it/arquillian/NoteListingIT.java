package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.note.NoteDraft;
import dev.notes.note.NoteSearch;
import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import dev.notes.note.PageCursor;
import dev.notes.note.SearchQuery;
import dev.notes.note.TitlePage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The list by title a page at a time and the search, inside the server on the real database (the
 * build runs this class on H2 and on PostgreSQL): the same answers from both dialects.
 */
@ExtendWith(ArquillianExtension.class)
class NoteListingIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(NoteListingIT.class);
    }

    @Inject
    NoteService notes;

    @Inject
    ActingCaller caller;

    @Inject
    NoteSearch search;

    /** A word of letters only, unique to this test, so searches find exactly its notes. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "z";
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        String run = word();
        caller.actAs("alice");
        List<String> keys = IntStream.range(0, 120)
                .mapToObj(i -> notes.create(new NoteDraft(run + "-" + i,
                        (i % 2 == 0 ? run.toUpperCase(Locale.ROOT) : run) + " " + (1000 + i), "")).getKey())
                .toList();

        List<String> walked = new ArrayList<>();
        TitlePage page = notes.pageFrom(new PageCursor(run, ""));
        TitlePage second = null;
        while (true) {
            assertThat(page.notes()).hasSizeLessThanOrEqualTo(NoteService.PAGE_SIZE);
            List<String> ours = page.notes().stream().map(NoteSummary::key).filter(keys::contains).toList();
            walked.addAll(ours);
            if (ours.size() < page.notes().size() || !page.hasNext()) {
                break;
            }
            page = notes.pageAfter(page.lastCursor());
            second = second == null ? page : second;
        }
        assertThat(walked).as("in title order, each once, case ignored").containsExactlyElementsOf(keys);

        TitlePage third = notes.pageAfter(second.lastCursor());
        TitlePage back = notes.pageBefore(third.firstCursor());
        assertThat(back.notes()).isEqualTo(second.notes());
        assertThat(back.hasPrevious()).isTrue();
        assertThat(back.hasNext()).isTrue();
        assertThat(second.total()).isEqualTo(notes.count()).isGreaterThanOrEqualTo(keys.size());
    }

    @Test
    void goingBackFromNearTheStartEndsOnTheFullFirstPage() {
        TitlePage first = notes.firstPage();
        if (!first.notes().isEmpty()) {
            assertThat(notes.pageBefore(first.notes().get(first.notes().size() - 1).cursor()))
                    .isEqualTo(notes.firstPage());
        }
        assertThat(notes.pageBefore(new PageCursor("", "0")).notes()).isEqualTo(notes.firstPage().notes());
    }

    @Test
    void aPageAfterTheEndIsTheLastPageNotAnEmptyOne() {
        caller.actAs("alice");
        notes.create(new NoteDraft(word(), "Any title", ""));
        TitlePage last = notes.pageAfter(new PageCursor("\uffff\uffff", "z"));
        assertThat(last.notes()).isNotEmpty().hasSizeLessThanOrEqualTo(NoteService.PAGE_SIZE);
        assertThat(last.hasNext()).isFalse();
        TitlePage afterLast = notes.pageAfter(last.lastCursor());
        assertThat(afterLast.notes()).isNotEmpty();
        assertThat(afterLast.hasNext()).isFalse();
    }

    @Test
    void searchFindsByTitleAndBodyWordsTitleHitsFirst() {
        String word = word();
        String other = word();
        caller.actAs("alice");
        notes.create(new NoteDraft(word + "-body", "Plain title", "some text with " + word + " inside"));
        caller.actAs("bob");
        notes.create(new NoteDraft(word + "-title", "About " + word.toUpperCase(Locale.ROOT), "nothing"));
        caller.actAs("alice");
        notes.create(new NoteDraft(word + "-both", "Other", word + " and " + other));

        assertThat(search.search(SearchQuery.of(word, null), 1).notes()).extracting(NoteSummary::key)
                .first().isEqualTo(word + "-title");
        assertThat(search.search(SearchQuery.of(word, null), 1).notes()).extracting(NoteSummary::key)
                .containsExactlyInAnyOrder(word + "-title", word + "-body", word + "-both");
        assertThat(search.search(SearchQuery.of(other + ", " + word, null), 1).notes()).extracting(NoteSummary::key)
                .as("every word must occur").containsExactly(word + "-both");
        assertThat(search.search(SearchQuery.of(word, "alice"), 1).notes()).extracting(NoteSummary::key)
                .as("my notes").containsExactlyInAnyOrder(word + "-body", word + "-both");
        assertThat(search.search(SearchQuery.of("", null), 1).notes()).isEmpty();
    }

    @Test
    void searchResultsComeAPageAtATime() {
        String word = word();
        caller.actAs("alice");
        IntStream.range(0, NoteService.PAGE_SIZE + 5).forEach(i ->
                notes.create(new NoteDraft(word + "-" + i, "Note " + i, "text " + word)));

        var first = search.search(SearchQuery.of(word, null), 1);
        var second = search.search(SearchQuery.of(word, null), 2);
        assertThat(first.notes()).hasSize(NoteService.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.notes()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.notes()).doesNotContainAnyElementsOf(second.notes());
    }
}
