package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleIs;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/** The seed's experiment, in real browsers: two instances, windows on each. */
@ExtendWith(NotesCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBrowserIT {

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    @Order(1)
    void aLoginOnOneInstanceCarriesToTheOtherAndALogoutEndsIt(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "kira");
        Browser browser = browsers.open("browser", cluster.a().baseUri());
        browser.logIn(username);

        browser.at(cluster.b().baseUri()).open("/");
        assertThat(browser.find("#currentUser").getText()).contains("Display " + username);
        browser.find("#logoutForm\\:logout").click();
        browser.until(visibilityOfElementLocated(By.id("loginLink")));

        browser.at(cluster.a().baseUri()).open("/");
        assertThat(browser.findAll("#currentUser")).as("logged out on A too").isEmpty();
    }

    @Test
    @Order(2)
    void fourWindowsOnTwoInstancesFollowEveryChange(Cluster cluster) {
        String author = Accounts.register(cluster.a(), "liv");
        String other = Accounts.register(cluster.b(), "milo");
        String key = Notes.uniqueKey("four");
        Notes.create(Accounts.logIn(cluster.a(), author), key, "Four windows", "v1");

        Browser w1 = browsers.open("w1-A-author", cluster.a().baseUri());
        Browser w2 = browsers.open("w2-A-other", cluster.a().baseUri());
        Browser w3 = browsers.open("w3-B-author", cluster.b().baseUri());
        Browser w4 = browsers.open("w4-B-anonymous", cluster.b().baseUri());
        w1.logIn(author);
        w2.logIn(other);
        w3.logIn(author);
        List<Browser> all = List.of(w1, w2, w3, w4);
        for (Browser window : all) {
            window.open("/note/view?key=" + key);
            window.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        }

        comment(w1, "from window 1");
        all.forEach(w -> w.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1)));
        w3.until(visibilityOfElementLocated(By.cssSelector("#comments .delete-comment"))).click();
        all.forEach(w -> w.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 0)));

        comment(w2, "from window 2");
        all.forEach(w -> w.until(textToBe(By.cssSelector("#comments .comment-text"), "from window 2")));

        w3.find("#editLink").click();
        w3.until(titleIs("Edit Four windows"));
        w3.find("#noteForm\\:title").clear();
        w3.find("#noteForm\\:title").sendKeys("Four windows, edited");
        w3.find("#noteForm\\:body").clear();
        w3.find("#noteForm\\:body").sendKeys("v2");
        w3.find("#noteForm\\:save").click();
        for (Browser window : List.of(w1, w2, w4)) {
            window.until(textToBe(By.cssSelector("h1.page-title"), "Four windows, edited"));
            assertThat(window.find("#noteBody").getText()).isEqualTo("v2");
        }

        w3.until(titleIs("Four windows, edited"));
        w3.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        w1.find("#deleteLink").click();
        w1.find("#deleteForm\\:confirm").click();
        w1.until(titleIs("Notes"));
        // The others are told, without reloading, that the note is gone.
        for (Browser window : List.of(w2, w3, w4)) {
            window.until(visibilityOfElementLocated(By.id("noteGone")));
            assertThat(window.findAll("#commentForm")).allSatisfy(form -> assertThat(form.isDisplayed()).isFalse());
        }
        all.forEach(w -> assertThat(w.consoleProblems()).isEmpty());
    }

    @Test
    @Order(3)
    void aNoteCreatedOnOneInstanceAppearsOnTheOthersHomePage(Cluster cluster) {
        Browser home = browsers.open("home-on-A", cluster.a().baseUri());
        home.open("/");
        home.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        String key = Notes.uniqueKey("from-b");
        // A title that sorts before letters: on the first page, whatever else the cluster's tests made.
        Notes.create(Accounts.newUser(cluster.b(), "nico").client(), key, "0 Made on B", "");
        home.until(visibilityOfElementLocated(By.cssSelector("#notes a.note-link[data-key='" + key + "']")));
    }

    @Test
    @Order(4)
    void aKilledInstanceLogsNobodyOutAndItsWindowReconnects(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "opal");
        Browser browser = browsers.open("browser", cluster.b().baseUri());
        browser.logIn(username);
        browser.open("/");
        browser.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        String windowOnB = browser.driver().getWindowHandle();

        cluster.b().kill();
        try {
            browser.until(attributeToBe(By.id("liveStatus"), "data-state", "reconnecting"));
            // Another tab of the same browser, sent to A as a load balancer would: still logged in.
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.at(cluster.a().baseUri()).open("/");
            assertThat(browser.find("#currentUser").getText()).contains("Display " + username);
        } finally {
            cluster.b().start();
        }
        browser.driver().switchTo().window(windowOnB);
        browser.until(attributeToBe(By.id("liveStatus"), "data-state", "live"), Browser.RECONNECT_WAIT);
    }

    private static void comment(Browser window, String text) {
        window.find("#commentForm textarea").sendKeys(text);
        window.find("#commentForm input[type=submit]").click();
    }
}
