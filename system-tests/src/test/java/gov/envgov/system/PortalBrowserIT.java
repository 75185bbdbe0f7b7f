package gov.envgov.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.process.Platform;

/**
 * The portal in a real browser (Debian's headless Chromium) against the real platform, through the gateway and
 * Keycloak's own login page: each user group's main journey, axe-core on every page the journeys visit (no serious
 * or critical violation), and no token, personal data or stack trace in what public pages serve. A failing journey
 * leaves a screenshot and the page source under {@code target/screenshots} (taken before the browser closes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PortalBrowserIT.Screenshots.class)
class PortalBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The smallest valid PNG (1×1), as a photo for the report. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static WebDriver current;

    private final Http http = new Http();
    private Platform platform;
    private TestPlatform.Tokens tokens;
    private String portal;
    private String axe;
    private WebDriver browser;
    private final List<String> visited = new ArrayList<>();

    /** State handed from one journey to the next, as one person's work is handed to the next in the bureau. */
    private String citizenCode;
    private String permitId;

    @BeforeAll
    void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (.ci/run installs it)").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").exists();
        platform = TestPlatform.shared();
        portal = platform.config().gatewayUrl();
        tokens = new TestPlatform.Tokens(http, platform.config().keycloakUrl());
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core from its webjar").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void openBrowser() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        current = browser;
        visited.clear();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        current = null;
    }

    // --- the journeys ---------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aVisitorReportsAProblemWithAPhotoAnonymouslyAndTracksIt() throws IOException {
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("盘锦市生态环境局");
        open("/report");
        // Sent empty first: the service's refusal is shown as an error summary linking to the fields.
        submit(By.cssSelector("form.stacked button[type=submit]"));
        waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("description");
        checkAccessibility();

        new Select(browser.findElement(By.id("category"))).selectByValue("WATER");
        new Select(browser.findElement(By.id("district"))).selectByVisibleText("盘山县");
        browser.findElement(By.id("description")).sendKeys("河道排污口夜间排放黑色污水，气味刺鼻");
        browser.findElement(By.id("address")).sendKeys("盘山县太平镇河道桥下");
        Path photo = Files.write(Path.of("target", "report-photo.png").toAbsolutePath(), PNG);
        browser.findElement(By.id("photos")).sendKeys(photo.toString());
        submit(By.cssSelector("form.stacked button[type=submit]"));

        String code = waitFor(By.id("tracking-code")).getText();
        String secret = browser.findElement(By.id("tracking-secret")).getText();
        assertThat(code).isNotBlank();
        assertThat(secret).isNotBlank();
        assertThat(browser.getPageSource()).contains("已上传照片 1 张");
        checkAccessibility();

        open("/track");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("secret")).sendKeys("wrong-secret");
        submit(By.cssSelector("form.stacked button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("不正确");
        browser.findElement(By.id("secret")).sendKeys(secret);
        submit(By.cssSelector("form.stacked button[type=submit]"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已受理");
        checkAccessibility();
        // The secret was posted, never put in an address.
        assertThat(browser.getCurrentUrl()).doesNotContain(secret);
    }

    @Test
    @Order(2)
    void aCitizenSignsInOnKeycloaksPageReportsAndFindsTheComplaintAsTheirOwn() {
        signIn("citizen1");
        open("/report");
        assertThat(browser.getPageSource()).contains("您已登录");
        new Select(browser.findElement(By.id("category"))).selectByValue("AIR");
        new Select(browser.findElement(By.id("district"))).selectByVisibleText("兴隆台区");
        browser.findElement(By.id("description")).sendKeys("化工园区夜间排放刺鼻气体，浏览器测试");
        submit(By.cssSelector("form.stacked button[type=submit]"));
        citizenCode = waitFor(By.id("tracking-code")).getText();
        assertThat(browser.findElements(By.id("tracking-secret"))).as("a signed-in filer gets no secret").isEmpty();

        open("/my/complaints");
        browser.findElement(By.linkText(citizenCode)).click();
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已受理");
        checkAccessibility();
        signOut();
    }

    @Test
    @Order(3)
    void theOperatorDispatchesTheComplaintFromTheQueue() {
        assertThat(citizenCode).as("the citizen's journey ran first").isNotNull();
        signIn("operator1");
        open("/hotline");
        checkAccessibility();
        findInQueue("/hotline", citizenCode).click();
        waitFor(By.id("complaint-status"));
        checkAccessibility();
        submit(By.id("dispatch"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已派单");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).contains("操作已完成");
        signOut();
    }

    @Test
    @Order(4)
    void theHandlerAcceptsHandlesAndRepliesAndTheCitizenReadsTheReplyAndAnswersTheFollowUp() {
        assertThat(citizenCode).as("the citizen's journey ran first").isNotNull();
        signIn("handler-xlt");
        open("/handling");
        findInQueue("/handling", citizenCode).click();
        submit(By.id("accept"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已签收");
        submit(By.id("start"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("办理中");
        // More time: the unit asks with a reason, the hotline approves, the handler sees the decision.
        fill("workingDays", "3");
        fill("reason", "需委托第三方检测，浏览器测试");
        submit(By.id("request-extension"));
        assertThat(waitFor(By.id("extension-requests")).getText()).isEqualTo("延期申请");
        assertThat(browser.getPageSource()).contains("待审批");
        signOut();
        signIn("operator1");
        open("/hotline/extensions");
        waitFor(By.tagName("h1"));
        checkAccessibility();
        WebElement request = browser.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains(citizenCode)).findFirst().orElseThrow();
        WebElement extensions = browser.findElement(By.tagName("html"));
        request.findElement(By.cssSelector("button.approve")).click();
        awaitNewPage(extensions);
        assertThat(waitFor(By.cssSelector(".notice.success")).getText()).contains("操作已完成");
        signOut();
        signIn("handler-xlt");
        findInQueue("/handling", citizenCode).click();
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("办理中");
        assertThat(browser.getPageSource()).contains("已批准").contains("需委托第三方检测，浏览器测试");
        // Recorded without findings first: the refusal names the field.
        browser.findElement(By.id("substantiated-yes")).click();
        submit(By.id("record"));
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("findings");
        browser.findElement(By.id("substantiated-yes")).click();
        browser.findElement(By.id("findings")).sendKeys("现场核查属实，已责令停产整改");
        submit(By.id("record"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已办理");
        checkAccessibility();
        browser.findElement(By.id("reply-text")).sendKeys("经核查属实，已依法处理，感谢您的监督。");
        submit(By.id("reply"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已答复");
        signOut();

        signIn("citizen1");
        open("/my/complaints");
        browser.findElement(By.linkText(citizenCode)).click();
        assertThat(waitFor(By.id("complaint-reply")).getText()).contains("感谢您的监督");
        new Select(browser.findElement(By.id("satisfaction"))).selectByValue("BASICALLY_SATISFIED");
        browser.findElement(By.id("solved-yes")).click();
        checkAccessibility();
        submit(By.id("answer"));
        assertThat(waitFor(By.id("complaint-status")).getText()).isEqualTo("已回访");
        signOut();
    }

    @Test
    @Order(5)
    void anEnterpriseAppliesForAPermitSeesTheFieldErrorThenSucceeds() {
        String user = newEnterpriseUser();
        signIn(user);
        open("/enterprise");
        waitFor(By.id("unit-heading"));
        checkAccessibility();
        open("/enterprise/apply");
        fill("eiaApproval", "盘环审〔2026〕12号");
        fill("outletCode", "X1");
        fill("outletName", "锅炉废气排放口");
        fill("longitude", "122.07");
        fill("latitude", "41.12");
        fill("dischargeMode", "有组织");
        fill("destination", "大气");
        fill("pollutant", "颗粒物");
        fill("concentration", "20");
        fill("unit", "mg/m3");
        fill("standard", "GB 13271-2014");
        submit(By.id("apply"));
        WebElement error = waitFor(By.cssSelector(".field.has-error"));
        assertThat(error.findElement(By.tagName("input")).getAttribute("id")).isEqualTo("outletCode");
        assertThat(error.getText()).contains("DA###");
        assertThat(browser.findElement(By.cssSelector(".error-summary"))).isNotNull();
        checkAccessibility();

        WebElement code = browser.findElement(By.id("outletCode"));
        code.clear();
        code.sendKeys("DA001");
        submit(By.id("apply"));
        assertThat(waitFor(By.id("permit-status")).getText()).isEqualTo("已提交");
        String link = browser.findElement(By.cssSelector("main a[href*='/enterprise/permits/']")).getAttribute("href");
        permitId = link.substring(link.lastIndexOf('/') + 1);
        signOut();
    }

    @Test
    @Order(6)
    void theReviewerAcceptsAndIssuesThePermit() {
        assertThat(permitId).as("the enterprise's journey ran first").isNotNull();
        signIn("reviewer1");
        open("/review");
        waitFor(By.tagName("h1"));
        checkAccessibility();
        open("/review/permits/" + permitId);
        assertThat(waitFor(By.id("permit-status")).getText()).isEqualTo("已提交");
        submit(By.id("accept"));
        assertThat(waitFor(By.id("permit-status")).getText()).isEqualTo("已受理");
        submit(By.id("issue"));
        assertThat(waitFor(By.id("permit-status")).getText()).isEqualTo("已核发");
        signOut();
    }

    @Test
    @Order(7)
    void anEnterpriseUploadsReadingsAndSeesEachRefusedOneWithItsReason() throws IOException {
        signIn("ent-a");
        open("/enterprise/monitoring");
        waitFor(By.id("upload-heading"));
        checkAccessibility();
        String hourAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(1)
                .withMinute(17).withSecond(23).withNano(0).toString();
        Path readings = Files.writeString(Path.of("target", "readings.ndjson").toAbsolutePath(),
                "{\"enterprise\":\"91211103MA0GA0001Y\",\"outlet\":\"DA001\",\"pollutant\":\"二氧化硫\","
                + "\"timestamp\":\"" + hourAgo + "\",\"concentration\":31.5}\n"
                + "{\"enterprise\":\"91211103MA0GA0001Y\",\"outlet\":\"DA001\",\"pollutant\":\"二氧化硫\","
                + "\"timestamp\":\"" + hourAgo + "\",\"concentration\":-4}\n");
        browser.findElement(By.id("file")).sendKeys(readings.toString());
        submit(By.id("upload"));
        assertThat(waitFor(By.id("upload-result")).getText()).contains("收到 2 条").contains("保存 1 条");
        List<WebElement> refused = browser.findElements(By.cssSelector("#rejections tbody tr"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getText()).startsWith("2");
        checkAccessibility();
        open("/enterprise/credit");
        waitFor(By.tagName("h1"));
        assertThat(browser.getPageSource()).doesNotContain("这部分内容暂时无法显示");
        checkAccessibility();
        signOut();
    }

    @Test
    @Order(8)
    void thePublicPagesShowWhatIsPublishedAndAnyoneVerifiesADrawInTheBrowser() {
        for (String page : List.of("/statistics", "/permits", "/penalties", "/inspections", "/blacklist",
                "/?lang=en", "/report", "/?lang=zh")) {
            open(page);
            waitFor(By.tagName("h1"));
            checkAccessibility();
        }
        // On a phone's screen nothing runs off the side; from the keyboard, the first Tab reaches "skip to content".
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/", "/report", "/permits", "/track")) {
            open(page);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).as(page + " on a phone").isLessThanOrEqualTo(0);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip-link");

        open("/permits?q=" + "有限公司");
        browser.findElement(By.cssSelector("main table tbody a")).click();
        waitFor(By.tagName("h1"));
        checkAccessibility();
        // The holder's facility report, composed of what every service publishes about it.
        browser.findElement(By.cssSelector("main a[href*='/facilities/']")).click();
        waitFor(By.id("facility-permits"));
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=facility-permits] li"))).isNotEmpty();
        // credit-service's 12-quarter history of the same holder, oldest first, with its CSV.
        assertThat(browser.findElement(By.id("facility-status")).getText()).matches("[SV_]{12}");
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=facility-quarters] tbody tr")))
                .hasSize(12);
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=facility-quarters] a"))
                .getAttribute("href")).endsWith("/quarters.csv");
        checkAccessibility();

        open("/inspections");
        List<WebElement> verify = browser.findElements(By.linkText("复核本次抽取"));
        assertThat(verify).as("the demo's published draw").isNotEmpty();
        verify.get(0).click();
        // The verdict is computed by the page's script in this browser, from the published seed and snapshot.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("verdict")), "data-result"));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-result")).isEqualTo("match");
        checkAccessibility();
    }

    @Test
    @Order(9)
    void publicPagesCarryNoTokenNoPersonalDataAndStrictHeadersAndSignOutEndsTheKeycloakSession() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String page : List.of("/", "/report", "/track", "/statistics", "/permits", "/penalties", "/inspections",
                "/blacklist")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(portal + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain("eyJ").doesNotContain("Exception")
                    .doesNotContain("at gov.envgov").doesNotContain("<script>");
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(page).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        }
        // The session cookie is the only one, HttpOnly, Secure and SameSite.
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                URI.create(portal + "/oauth2/authorization/keycloak")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("ENVGOV_SESSION=")).findFirst().orElse("");
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Lax");

        signIn("citizen1");
        open("/my/complaints");
        assertThat(browser.getPageSource()).doesNotContain("eyJ");
        signOut();
        assertThat(browser.getCurrentUrl()).endsWith("/signed-out");
        // Keycloak's session ended too: signing in again shows its login form instead of coming straight back.
        browser.get(portal + "/my/complaints");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(platform.config().keycloakUrl());
    }

    @Test
    @Order(10)
    void anInspectorFilesAClueAsACaseStartsTheInvestigationAndReChecksTheRecord() {
        signIn("inspector1");
        open("/inspection");
        waitFor(By.id("clues-heading"));
        checkAccessibility();
        List<WebElement> clues = browser.findElements(By.cssSelector("section[aria-labelledby=clues-heading] tbody a"));
        assertThat(clues).as("open clues in the demo data").isNotEmpty();
        clues.get(0).click();
        assertThat(waitFor(By.id("clue-status")).getText()).isEqualTo("OPEN");
        checkAccessibility();
        // Filed with one investigator only: the service refuses (two at least) and the page says so.
        fill("violation", "超标排放大气污染物");
        fill("legalBasis", "《大气污染防治法》第九十九条第二项");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('violationEndedOn').value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).minusDays(1).toString());
        submit(By.id("file-case"));
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("investigators");
        fill("violation", "超标排放大气污染物");
        fill("legalBasis", "《大气污染防治法》第九十九条第二项");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('violationEndedOn').value = arguments[0];",
                java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).minusDays(1).toString());
        fill("investigator2", "inspector2");
        submit(By.id("file-case"));
        assertThat(waitFor(By.id("case-status")).getText()).isEqualTo("已立案");
        submit(By.id("step-investigation"));
        assertThat(waitFor(By.id("case-status")).getText()).isEqualTo("调查中");
        checkAccessibility();
        submit(By.id("check-record"));
        assertThat(waitFor(By.id("record-check")).getText()).contains("记录完整");

        // A double-random draw from the desk: announce, draw once, assign the inspectors, publish.
        open("/inspection");
        fill("draw-period", "2028Q" + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(4)));
        // 兴隆台区: where the demo's credentialed inspectors work (two are drawn per unit from the district's).
        new Select(browser.findElement(By.id("draw-district"))).selectByVisibleText("兴隆台区");
        new Select(browser.findElement(By.id("draw-class"))).selectByValue("KEY");
        submit(By.id("announce"));
        assertThat(waitFor(By.id("draw-status")).getText()).isEqualTo("ANNOUNCED");
        checkAccessibility();
        String drawId = browser.findElement(By.cssSelector("form[action$='/draw']")).getAttribute("action")
                .replaceAll(".*/inspection/draws/", "").replace("/draw", "");
        submit(By.id("do-draw"));
        assertThat(waitFor(By.id("draw-status")).getText()).isEqualTo("DRAWN");
        submit(By.id("assign"));
        assertThat(browser.findElements(By.cssSelector("main ul li a[href*='/inspection/tasks/']"))).isNotEmpty();
        browser.findElement(By.cssSelector("main ul li a[href*='/inspection/tasks/']")).click();
        waitFor(By.tagName("h1"));
        checkAccessibility();
        open("/inspection/draws/" + drawId);
        submit(By.id("publish"));
        assertThat(waitFor(By.id("draw-status")).getText()).isEqualTo("PUBLISHED");
        signOut();
        open("/inspections/draws/" + drawId + "/verification");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("verdict")), "data-result"));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-result")).isEqualTo("match");

        signIn("legal1");
        open("/legal");
        waitFor(By.id("cases-heading"));
        assertThat(browser.findElements(By.id("clues-heading"))).as("legal reviewers see cases, not clues").isEmpty();
        checkAccessibility();
        signOut();
    }

    @Test
    @Order(11)
    void aCreditOfficerProposesAListEntryAndAnAdminIssuesAndRevokesAnOpen311Key() {
        signIn("credit1");
        open("/credit");
        waitFor(By.id("evaluations-heading"));
        checkAccessibility();
        // No year at all: the service names the field (and the portal does not fail on the empty value).
        submit(By.id("evaluate"));
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("period");
        // The year has not ended: the service refuses to evaluate it, and says why.
        fill("period", String.valueOf(java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).getYear()));
        submit(By.id("evaluate"));
        assertThat(waitFor(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        fill("subjectCode", "91211104MA0GB00028");
        fill("list-basis", "《企业环境信用评价办法》第十九条");
        fill("facts", "浏览器测试：篡改自动监测数据");
        submit(By.id("propose"));
        assertThat(waitFor(By.cssSelector(".notice.success")).getText()).contains("操作已完成");
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=list-heading] tbody")).getText())
                .contains("91211104MA0GB00028");
        checkAccessibility();
        // Dropped after the notice, with the reason.
        WebElement entry = browser.findElements(By.cssSelector("section[aria-labelledby=list-heading] tbody tr"))
                .stream().filter(r -> r.getText().contains("91211104MA0GB00028")).findFirst().orElseThrow();
        entry.findElement(By.cssSelector("form[action*='/credit/drop/'] input[name=reason]")).sendKeys("当事人申辩理由成立");
        WebElement before = browser.findElement(By.tagName("html"));
        entry.findElement(By.cssSelector("form[action*='/credit/drop/'] button")).click();
        awaitNewPage(before);
        assertThat(waitFor(By.cssSelector(".notice.success")).getText()).contains("操作已完成");
        signOut();

        signIn("admin1");
        open("/admin");
        waitFor(By.id("clients-heading"));
        checkAccessibility();
        fill("client-name", "浏览器测试应用");
        submit(By.id("issue-key"));
        String key = waitFor(By.cssSelector("#issued-key .secret")).getText();
        assertThat(key).isNotBlank();
        open("/admin");
        assertThat(browser.getPageSource()).as("a key is shown once").doesNotContain(key);
        WebElement row = browser.findElements(By.cssSelector("section[aria-labelledby=clients-heading] tbody tr"))
                .stream().filter(r -> r.getText().contains("浏览器测试应用")).findFirst().orElseThrow();
        WebElement page = browser.findElement(By.tagName("html"));
        row.findElement(By.cssSelector("button")).click();
        awaitNewPage(page);
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=clients-heading] tbody tr"))
                .stream().filter(r -> r.getText().contains("浏览器测试应用")).findFirst().orElseThrow().getText())
                .contains("已吊销");
        signOut();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private void open(String path) {
        browser.get(portal + path);
        visited.add(path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    private void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        waitFor(button).click();
        awaitNewPage(page);
    }

    /**
     * Waits until the old page's root element is gone. Chromium answers a gone element either as stale or as "node
     * does not belong to the document"; both mean the next page has replaced it.
     */
    private void awaitNewPage(WebElement old) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Through Keycloak's own login page, as a person signs in. */
    private void signIn(String user) {
        browser.get(portal + "/oauth2/authorization/keycloak");
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        submit(By.id("kc-login"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().startsWith(portal));
        assertThat(waitFor(By.cssSelector(".who")).getText()).isEqualTo(user);
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().endsWith("/signed-out"));
    }

    /** The queue's row of a tracking code, on whichever page of the queue it is. */
    private WebElement findInQueue(String queue, String code) {
        for (int page = 0; page < 50; page++) {
            open(queue + "?page=" + page);
            waitFor(By.tagName("h1"));
            List<WebElement> links = browser.findElements(By.linkText(code));
            if (!links.isEmpty()) {
                return links.get(0);
            }
            if (browser.findElements(By.linkText("下一页")).isEmpty()) {
                break;
            }
        }
        throw new AssertionError(code + " is not in " + queue);
    }

    /**
     * A new enterprise, registered by admin, and a Keycloak user acting for it: the demo enterprises already have
     * their applications open, and an enterprise has one open application at a time.
     */
    private String newEnterpriseUser() {
        String code = DemoDataCodes.fresh();
        HttpResponse<String> created = http.send("POST", portal + "/api/enterprises", tokens.of("admin1"), Map.of(
                "code", code, "name", "盘锦浏览器测试化工有限公司", "district", "兴隆台区", "industryCode", "C2614",
                "managementClass", "KEY", "address", "兴隆台区测试路8号"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String user = "ent-browser-" + code.substring(10, 17).toLowerCase(java.util.Locale.ROOT);
        KeycloakAdmin.createEnterpriseUser(http, platform.config().keycloakUrl(), user, code);
        return user;
    }

    /** axe-core in the page: no serious or critical violation of WCAG 2.x A/AA rules. */
    private void checkAccessibility() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.filter(function (v) {"
                + "  return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); })"
                + "    .join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((List<?>) found).as("axe-core on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Keeps a screenshot and the page of a failed journey under target/screenshots. */
    static class Screenshots implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
            if (current != null) {
                keep(context);
            }
            throw cause;
        }

        private static void keep(ExtensionContext context) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "screenshots"));
                String name = context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) current).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), current.getPageSource());
                System.err.println("Screenshot of the failed journey: " + dir.resolve(name + ".png").toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                System.err.println("No screenshot: " + e);
            }
        }
    }
}
