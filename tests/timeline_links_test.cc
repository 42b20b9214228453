// Hostile URLs from every kind of input (a page's canonical link, a JSONL
// record's url, a WARC target URI) go through ingest into a timeline and
// come out of the writers that make links as text, never as links.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/timeline.h"
#include "text/fold.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

std::string Page(const std::string& canonical, const std::string& day, const std::string& text) {
  return "<html><head><title>Valmorin</title><link rel=\"canonical\" href=\"" + canonical +
         "\"><meta property=\"article:published_time\" content=\"" + day +
         "\"></head><body><article><h1>Le pont de Valmorin</h1><p>" + text +
         "</p></article></body></html>";
}

TEST(TimelineLinksTest, UrlsFromTheInputAreLinksOnlyWhenTheyAreWebAddresses) {
  const fs::path dir = fs::temp_directory_path() / ("dateline_links_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  std::ofstream(dir / "in" / "page.html")
      << Page("javascript:alert(1)", "2021-03-03",
              "Le 3 mars 2021, le pont de Valmorin a été inauguré par la maire devant trois cents "
              "habitants venus de toute la vallée.");
  std::ofstream(dir / "in" / "records.jsonl")
      << "{\"url\":\"JaVaScRiPt:alert(2)\",\"time\":\"2021-04-12\",\"text\":\"Le 12 avril 2021, "
         "le pont de Valmorin a été fermé aux camions après la découverte de fissures dans les "
         "piles.\"}\n"
         "{\"url\":\"https://example.org/valmorin\",\"time\":\"2021-06-02\",\"text\":\"Le 2 juin "
         "2021, le pont de Valmorin a rouvert à la circulation des voitures et des cyclistes du "
         "canton.\"}\n";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
      Page("https://example.org/ignored", "2021-05-20",
           "Le 20 mai 2021, les travaux de réparation du pont de Valmorin ont commencé sous la "
           "direction des ingénieurs de la région.");
  std::ofstream(dir / "in" / "crawl.warc", std::ios::binary)
      << "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: javascript:alert(3)\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: "
      << http.size() << "\r\n\r\n"
      << http << "\r\n\r\n";

  auto opened = Corpus::Open((dir / "store.db").string());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Corpus& corpus = **opened;
  Ingester ingester(corpus, {});
  ingester.AddSource((dir / "in").string());
  const StatusOr<IngestSummary> summary = ingester.Run();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->ingested, 4u) << (summary->problems.empty() ? "" : summary->problems[0]);
  TimelineOptions options;
  options.filter.query = "Valmorin";
  const StatusOr<Timeline> built = BuildTimeline(corpus, options);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const Timeline& t = *built;
  ASSERT_EQ(t.dates.size(), 4u);

  const std::string html = AsciiLower(FormatTimeline(t, TimelineFormat::kHtml));
  EXPECT_NE(html.find("<a href=\"https://example.org/valmorin\">"), std::string::npos) << html;
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << html;
  EXPECT_NE(html.find("javascript:alert(3)"), std::string::npos);  // shown, as text

  const std::string md = FormatTimeline(t, TimelineFormat::kMarkdown);
  for (size_t at = md.find("]("); at != std::string::npos; at = md.find("](", at + 1)) {
    EXPECT_EQ(md.compare(at + 2, 28, "https://example.org/valmorin"), 0) << md.substr(at);
  }
  EXPECT_NE(md.find("](https://example.org/valmorin)"), std::string::npos) << md;

  const auto tljs = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kTimelineJs));
  for (const auto& event : tljs["events"]) {
    const std::string body = AsciiLower(event["text"]["text"].get<std::string>());
    EXPECT_EQ(body.find("href=\"javascript"), std::string::npos) << body;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline
