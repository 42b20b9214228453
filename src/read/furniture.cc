// Names and marks of page furniture on elements and short lines.
#include "read/furniture.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dateline::read {
namespace {

// Words in class and id values that name page furniture. A token matches
// when it equals a word or starts with it ("navbar", "comments").
constexpr std::string_view kFurniturePrefixes[] = {
    "comment",      "nav",         "menu",       "footer",     "sidebar",   "cookie",
    "consent",      "gdpr",        "share",      "sharing",    "social",    "newsletter",
    "subscri",      "related",     "recommend",  "breadcrumb", "advert",    "banner",
    "popup",        "modal",       "promo",      "pagination", "pager",     "signup",
    "login",        "disqus",      "outbrain",   "taboola",    "masthead",  "topbar",
    "toolbar",      "sponsor",     "newsticker", "lire",       "tagcloud",  "tags",
    "meta-",        "footnote-ad", "jump",       "offcanvas",  "overlay",   "trending",
    "most-popular", "mostread",    "read-more",  "readmore",   "more-from", "similar",
    "signature",    "flair",       "userextras", "byline",     "visually",  "usertitle",
    "postprofile",
};
// Tokens that must match exactly (too short or too common as prefixes).
constexpr std::string_view kFurnitureExact[] = {"ad",    "ads", "share", "tag",    "aside", "rail",
                                                "promo", "sns", "cta",   "footer", "foot"};

// The word lists bucketed by first letter: class and id values are tested
// for every element, so the test must be cheap.
struct FurnitureIndex {
  std::vector<std::string_view> prefixes[26];
  std::vector<std::string_view> exact[26];
  FurnitureIndex() {
    for (std::string_view w : kFurniturePrefixes) prefixes[w[0] - 'a'].push_back(w);
    for (std::string_view w : kFurnitureExact) exact[w[0] - 'a'].push_back(w);
  }
};

// `tok` is lower-case.
bool IsFurnitureToken(std::string_view tok) {
  static const FurnitureIndex* index = new FurnitureIndex();
  if (tok.empty() || tok[0] < 'a' || tok[0] > 'z') return false;
  const int letter = tok[0] - 'a';
  for (std::string_view w : index->exact[letter]) {
    if (tok == w) return true;
  }
  for (std::string_view w : index->prefixes[letter]) {
    if (tok.size() >= w.size() && tok.compare(0, w.size(), w) == 0) return true;
  }
  return false;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Words that describe an element's state or the taxonomy of the post it
// holds ("has-sidebar", "tag-share-prices", "product_tag-diamond"), not its
// role: the furniture names inside them say nothing about the element.
bool IsStateOrTaxonomyClass(std::string_view word) {
  for (std::string_view p : {"has-", "has_", "no-", "with-", "is-", "tag-", "category-",
                             "product_tag-", "product_cat-", "post_tag-", "topic-"}) {
    if (word.size() > p.size() && word.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

// Utility classes with variants or arbitrary values ("lg:first:pt-[calc(
// var(--banner-min-height))]", "hover:underline") say how an element looks;
// the names inside them are not its role.
bool IsUtilityClass(std::string_view word) {
  return word.find_first_of(":[(") != std::string_view::npos;
}

// Calls `match(token, whole)` on each space-separated word of a class or id
// value, lower-cased, whole and split at non-alphanumerics ("site-nav__item"
// gives site-nav__item, then site, nav, item); true when one matched.
template <typename Match>
bool AnyClassToken(std::string_view value, Match match) {
  char buf[64];
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
    size_t len = 0;
    for (; i < value.size() && value[i] != ' ' && value[i] != '\t' && value[i] != '\n'; ++i) {
      char c = value[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (len < sizeof(buf)) buf[len++] = c;
    }
    std::string_view word(buf, len);
    if (word.empty() || IsStateOrTaxonomyClass(word) || IsUtilityClass(word)) continue;
    if (match(word, /*whole=*/true)) return true;
    size_t k = 0;
    while (k < word.size()) {
      size_t e = k;
      while (e < word.size() && IsAlnum(word[e])) ++e;
      if (e > k && e - k < word.size() && match(word.substr(k, e - k), /*whole=*/false)) {
        return true;
      }
      k = e + 1;
    }
  }
  return false;
}

// True when a token of a class or id value (see AnyClassToken) starts with
// one of `words`.
template <size_t N>
bool StartsWithAny(std::string_view value, const std::string_view (&words)[N]) {
  return AnyClassToken(value, [&](std::string_view tok, bool) {
    for (std::string_view w : words) {
      if (tok.substr(0, w.size()) == w) return true;
    }
    return false;
  });
}

constexpr std::string_view kTransientWords[] = {"popup",  "modal",   "overlay",
                                                "cookie", "consent", "gdpr"};
constexpr std::string_view kConsentWords[] = {"cookie",   "consent", "gdpr",
                                              "onetrust", "didomi",  "usercentrics",
                                              "truste",   "qc-cmp",  "privacy-center"};
// ("review" alone is not enough: review sites name their articles so.)
constexpr std::string_view kReviewWords[] = {
    "reviews", "customerreview", "customer-review", "user-review", "review-list", "review-item",
    "yotpo",   "jdgm",           "pr-review",       "spr-review"};
constexpr std::string_view kPanelWords[] = {"accordion", "tabpanel", "tab-pane", "tab-panel",
                                            "collapse"};

bool IsCommentToken(std::string_view tok) { return tok.substr(0, 7) == "comment"; }

}  // namespace

// `comments_are_content`: on a page that is a discussion thread the
// comments are the content, so "comment" names no furniture there.
bool NamesFurniture(std::string_view value, bool comments_are_content) {
  return AnyClassToken(value, [&](std::string_view tok, bool whole) {
    if (comments_are_content && IsCommentToken(tok)) return false;
    if (IsFurnitureToken(tok)) return true;
    // Page builders put "widget" in the class of every box, article text
    // included ("elementor-widget-container"): only a word of its own counts.
    return whole &&
           (tok == "widget" || tok == "widgets" || tok == "widget-area" || tok == "header");
  });
}

// Dialogs, overlays and consent banners: furniture whatever their share of
// the page's prose.
bool NamesTransient(const DomNode& n) {
  return StartsWithAny(n.Attr("class"), kTransientWords) ||
         StartsWithAny(n.Attr("id"), kTransientWords);
}

// Consent managers and cookie banners: boxes that hold long legal prose
// and never the page's content, however much text they have.
bool NamesConsent(const DomNode& n) {
  return StartsWithAny(n.Attr("id"), kConsentWords) ||
         StartsWithAny(n.Attr("class"), kConsentWords);
}

// Boxes of customer reviews: on a shop's page they hold most of the
// sentences, yet the product's description and specifications are the
// content.
bool NamesReviews(const DomNode& n) {
  return StartsWithAny(n.Attr("class"), kReviewWords) || StartsWithAny(n.Attr("id"), kReviewWords);
}

bool NamesComment(const DomNode& n) {
  // Cheap test first: this runs on every element.
  if (n.Attr("class").find("omment") == std::string_view::npos &&
      n.Attr("id").find("omment") == std::string_view::npos) {
    return false;
  }
  auto is_comment = [](std::string_view tok, bool) { return IsCommentToken(tok); };
  return AnyClassToken(n.Attr("class"), is_comment) || AnyClassToken(n.Attr("id"), is_comment);
}

namespace {

// True when `style` sets `property` to `value` ("display: none").
bool StyleSets(std::string_view style, std::string_view property, std::string_view value) {
  for (size_t at = style.find(property); at != std::string_view::npos;
       at = style.find(property, at + 1)) {
    size_t k = at + property.size();
    while (k < style.size() && (style[k] == ' ' || style[k] == ':')) ++k;
    if (style.substr(k, value.size()) == value) return true;
  }
  return false;
}

// The display-none classes of the common CSS frameworks (Bootstrap's
// "hidden" and "d-none"); "hidden-xs" and the like hide on some screens only.
bool HasHidingClass(std::string_view value) {
  if (value.find("hid") == std::string_view::npos && value.find("none") == std::string_view::npos) {
    return false;
  }
  size_t i = 0;
  while (i < value.size()) {
    size_t e = value.find(' ', i);
    if (e == std::string_view::npos) e = value.size();
    std::string_view w = value.substr(i, e - i);
    if (w == "hidden" || w == "d-none" || w == "display-none" || w == "is-hidden") return true;
    i = e + 1;
  }
  return false;
}

}  // namespace

bool IsHidden(const DomNode& n) {
  if (n.HasAttr("hidden")) return true;
  if (HasHidingClass(n.Attr("class"))) return true;
  if (n.Attr("aria-hidden") == "true") return true;
  std::string_view style = n.Attr("style");
  return !style.empty() &&
         (StyleSets(style, "display", "none") || StyleSets(style, "visibility", "hidden"));
}

// Tab panels and accordion sections: hidden until the reader opens them,
// but part of the page's text (FAQ answers, specifications, the other tabs
// of a service page).
bool IsDisclosurePanel(const DomNode& n) {
  std::string_view role = n.Attr("role");
  if (role == "tabpanel" || (role == "region" && n.HasAttr("aria-labelledby"))) return true;
  return StartsWithAny(n.Attr("class"), kPanelWords);
}

bool FurnitureRole(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "search" || role == "dialog" || role == "menu" ||
         role == "menubar" || role == "alert";
}

std::string LineKey(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  }
  return out;
}

// Short lines of page furniture that survive pruning inside the content.
bool IsFurnitureText(std::string_view text) {
  static const auto* lines = new std::unordered_set<std::string>{"share",
                                                                 "sharethis",
                                                                 "tweet",
                                                                 "advertisement",
                                                                 "advertising",
                                                                 "readmore",
                                                                 "continuereading",
                                                                 "printthisarticle",
                                                                 "emailthisarticle",
                                                                 "publicité",
                                                                 "publicite",
                                                                 "anzeige",
                                                                 "werbung",
                                                                 "partager",
                                                                 "partagez",
                                                                 "lireaussi",
                                                                 "alireaussi",
                                                                 "àlireaussi",
                                                                 "surlemêmesujet",
                                                                 "lireplustard",
                                                                 "skiptocontent",
                                                                 "skiptomaincontent",
                                                                 "backtotop",
                                                                 "scrolltotop",
                                                                 "loading",
                                                                 "sharethisarticle",
                                                                 "shareonfacebook",
                                                                 "shareontwitter",
                                                                 "relatedarticles",
                                                                 "relatedposts",
                                                                 "youmayalsolike",
                                                                 "leaveacomment",
                                                                 "leaveareply",
                                                                 "comments",
                                                                 "menu",
                                                                 "close",
                                                                 "search",
                                                                 "fermer",
                                                                 "rechercher",
                                                                 "sponsored",
                                                                 "newarrival",
                                                                 "lowstock",
                                                                 "addtowishlist",
                                                                 "togglecaption",
                                                                 "viewthispostoninstagram"};
  // Template placeholders a script never filled ("{{ item.message }}").
  if (text.size() >= 4 && text.substr(0, 2) == "{{" && text.substr(text.size() - 2) == "}}") {
    return true;
  }
  // Only short lines can be furniture lines; the cheap test for "Java"
  // spares the key of every longer block of the page.
  const bool script_notice = text.find("ava") != std::string_view::npos;
  if (text.size() > 160 || (text.size() > 40 && !script_notice)) return false;
  const std::string key = LineKey(text);
  // The notice script applications show to browsers without scripts.
  if (script_notice && (key.find("enablejavascript") != std::string::npos ||
                        key.find("javascriptisdisabled") != std::string::npos ||
                        key.find("javascriptisrequired") != std::string::npos)) {
    return true;
  }
  return text.size() <= 40 && lines->count(key) > 0;
}

}  // namespace dateline::read
