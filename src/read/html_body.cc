#include "read/html_body.h"

#include <myhtml/api.h>

#include <string>
#include <unordered_set>

#include "read/furniture.h"

namespace dateline::read {
namespace {

// Per-tag flags, indexed by myhtml tag id: the passes below test every
// node, so a table lookup replaces string compares.
enum TagFlag : unsigned char {
  kDropped = 1,  // never holds article text
  kBlock = 2,    // starts a new text block
};

struct TagTable {
  unsigned char flags[MyHTML_TAG_LAST_ENTRY] = {};
  TagTable() {
    for (myhtml_tag_id_t t :
         {MyHTML_TAG_SCRIPT, MyHTML_TAG_STYLE,    MyHTML_TAG_NOSCRIPT, MyHTML_TAG_TEMPLATE,
          MyHTML_TAG_SVG,    MyHTML_TAG_IFRAME,   MyHTML_TAG_OBJECT,   MyHTML_TAG_EMBED,
          MyHTML_TAG_CANVAS, MyHTML_TAG_BUTTON,   MyHTML_TAG_SELECT,   MyHTML_TAG_OPTION,
          MyHTML_TAG_INPUT,  MyHTML_TAG_TEXTAREA, MyHTML_TAG_NAV,      MyHTML_TAG_ASIDE,
          MyHTML_TAG_FOOTER, MyHTML_TAG_HEAD,     MyHTML_TAG_TITLE,    MyHTML_TAG_META,
          MyHTML_TAG_LINK,   MyHTML_TAG_DIALOG,   MyHTML_TAG_MENU,     MyHTML_TAG_LABEL,
          MyHTML_TAG_FORM,   MyHTML_TAG_HEADER,   MyHTML_TAG_VIDEO,    MyHTML_TAG_AUDIO,
          MyHTML_TAG_MAP,    MyHTML_TAG_MATH}) {
      flags[t] |= kDropped;
    }
    for (myhtml_tag_id_t t :
         {MyHTML_TAG_P,          MyHTML_TAG_DIV,        MyHTML_TAG_LI,      MyHTML_TAG_H1,
          MyHTML_TAG_H2,         MyHTML_TAG_H3,         MyHTML_TAG_H4,      MyHTML_TAG_H5,
          MyHTML_TAG_H6,         MyHTML_TAG_TD,         MyHTML_TAG_TH,      MyHTML_TAG_TR,
          MyHTML_TAG_PRE,        MyHTML_TAG_BLOCKQUOTE, MyHTML_TAG_SECTION, MyHTML_TAG_ARTICLE,
          MyHTML_TAG_MAIN,       MyHTML_TAG_UL,         MyHTML_TAG_OL,      MyHTML_TAG_DL,
          MyHTML_TAG_DD,         MyHTML_TAG_DT,         MyHTML_TAG_TABLE,   MyHTML_TAG_FIGURE,
          MyHTML_TAG_FIGCAPTION, MyHTML_TAG_BR,         MyHTML_TAG_HR,      MyHTML_TAG_ADDRESS,
          MyHTML_TAG_CENTER,     MyHTML_TAG_BODY,       MyHTML_TAG_DETAILS, MyHTML_TAG_SUMMARY,
          MyHTML_TAG_CAPTION,    MyHTML_TAG_TBODY,      MyHTML_TAG_THEAD,   MyHTML_TAG_HEADER,
          MyHTML_TAG_FOOTER,     MyHTML_TAG_ASIDE,      MyHTML_TAG_NAV,     MyHTML_TAG_FORM,
          MyHTML_TAG_FIELDSET,   MyHTML_TAG_LEGEND}) {
      flags[t] |= kBlock;
    }
  }
};

bool HasFlag(const DomNode& n, TagFlag f) {
  static const TagTable* table = new TagTable();
  return n.id < MyHTML_TAG_LAST_ENTRY && (table->flags[n.id] & f);
}

bool IsDropped(const DomNode& n) { return HasFlag(n, kDropped); }
bool IsBlock(const DomNode& n) { return HasFlag(n, kBlock); }

// Text (bytes) below which a consent box is left to the general furniture
// test ("cookie", "consent" and "gdpr" are furniture words too): the
// stricter test costs a pass over the class of every element otherwise.
constexpr int kConsentText = 200;

// Prose (bytes) that makes a review-named box a block of reviews rather than
// the rating line of one item.
constexpr int kReviewProse = 300;

// True when the elements named "comment..." hold most of the page's prose
// and little is left outside them: the page is a thread, not an article
// followed by its comments.
bool IsThread(const Dom& dom, const std::vector<int>& prose, int root) {
  int in_comments = 0;
  for (int i = root; i < dom.nodes[root].end; ++i) {
    if (dom.nodes[i].is_text() || !NamesComment(dom.nodes[i])) continue;
    in_comments += prose[i];
    i = dom.nodes[i].end - 1;
  }
  const int elsewhere = prose[root] - in_comments;
  return in_comments >= 300 && in_comments > 2 * elsewhere && elsewhere < 400;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Text sizes per subtree: non-space bytes of visible text (scripts
// excluded), and of those the bytes of paragraph prose: text in a <p>,
// directly or through inline markup, outside links.
struct TextSizes {
  std::vector<int> all;
  std::vector<int> prose;
};

bool InProse(const Dom& dom, int text_node) {
  int p = dom.nodes[text_node].parent;
  for (int hops = 0; p > 0 && hops < 4; ++hops, p = dom.nodes[p].parent) {
    const DomNode& n = dom.nodes[p];
    if (n.id == MyHTML_TAG_P) return true;
    if (n.id == MyHTML_TAG_A || IsBlock(n)) return false;
  }
  return false;
}

TextSizes MeasureText(const Dom& dom) {
  const int n = static_cast<int>(dom.nodes.size());
  TextSizes t{std::vector<int>(n, 0), std::vector<int>(n, 0)};
  for (int i = n - 1; i >= 1; --i) {
    const DomNode& node = dom.nodes[i];
    if (node.is_text()) {
      const unsigned parent = dom.nodes[node.parent].id;
      if (parent == MyHTML_TAG_SCRIPT || parent == MyHTML_TAG_STYLE) continue;
      for (char c : node.text) t.all[i] += !IsSpace(c);
      if (t.all[i] > 0 && InProse(dom, i)) t.prose[i] = t.all[i];
    }
    if (node.parent >= 0) {
      t.all[node.parent] += t.all[i];
      t.prose[node.parent] += t.prose[i];
    }
  }
  return t;
}

// Block kinds by the element that owns the text.
char KindOf(const DomNode& n) {
  switch (n.id) {
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
      return 'h';
    case MyHTML_TAG_LI:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_DT:
      return 'l';
    case MyHTML_TAG_TD:
    case MyHTML_TAG_TH:
      return 'c';
    case MyHTML_TAG_PRE:
      return 'q';
    default:
      return 'p';
  }
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in = false;
  for (char c : text) {
    bool w = !IsSpace(c) && c != '|' && c != '-' && c != '/' && c != '>';
    if (w && !in) ++words;
    in = w;
  }
  return words;
}

bool LooksLikeSentence(std::string_view text, int words) {
  if (words < 4) return false;
  size_t punct = 0;
  for (char c : text)
    punct += (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':');
  return punct > 0;
}

// Collects blocks while walking the body.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::vector<TextBlock>& out) : out_(out) {}

  void Start(int owner, char kind) {
    Flush();
    owner_ = owner;
    kind_ = kind;
  }
  void Add(std::string_view text, bool in_link, bool pre) {
    if (!pre) {
      AddCollapsed(text, in_link);
      return;
    }
    for (char c : text) {
      if (IsSpace(c) && !pre) {
        space_ = !cur_.text.empty();
        continue;
      }
      if (c == '\n' && pre) {
        cur_.text += '\n';
        space_ = false;
        continue;
      }
      if (space_) cur_.text += ' ';
      space_ = false;
      cur_.text += c;
      ++cur_.chars;
      if (in_link) ++cur_.link_chars;
    }
    // Keep a space between this text node and the next when this one ended
    // in one; otherwise "foo<b>bar</b>" stays one word.
    if (!text.empty() && IsSpace(text.back()) && !cur_.text.empty()) space_ = true;
  }
  void Flush() {
    while (!cur_.text.empty() && IsSpace(cur_.text.back())) cur_.text.pop_back();
    if (cur_.chars > 0) {
      cur_.owner = owner_;
      cur_.kind = kind_;
      cur_.words = CountWords(cur_.text);
      cur_.sentence = LooksLikeSentence(cur_.text, cur_.words);
      out_.push_back(std::move(cur_));
    }
    cur_ = TextBlock();
    space_ = false;
  }
  int owner() const { return owner_; }
  char kind() const { return kind_; }

 private:
  // Add() outside <pre>: whitespace runs collapse to one space, and words
  // are appended whole (this loop sees every byte of the page's text).
  void AddCollapsed(std::string_view text, bool in_link) {
    size_t i = 0;
    while (i < text.size()) {
      if (IsSpace(text[i])) {
        space_ = !cur_.text.empty();
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < text.size() && !IsSpace(text[j])) ++j;
      if (space_) cur_.text += ' ';
      space_ = false;
      cur_.text.append(text, i, j - i);
      const int n = static_cast<int>(j - i);
      cur_.chars += n;
      if (in_link) cur_.link_chars += n;
      i = j;
    }
    if (!text.empty() && IsSpace(text.back()) && !cur_.text.empty()) space_ = true;
  }

  std::vector<TextBlock>& out_;
  TextBlock cur_;
  int owner_ = 0;
  char kind_ = 'p';
  bool space_ = false;
};

// True when an element below `node` starts a text block.
bool HoldsBlock(const Dom& dom, int node) {
  for (int j = node + 1; j < dom.nodes[node].end; ++j) {
    const DomNode& d = dom.nodes[j];
    if (d.id != MyHTML_TAG_BR && IsBlock(d)) return true;
  }
  return false;
}

// A linked heading of several words: the title of an item in a list of
// articles or products, which is content on listing pages.
bool IsTeaserTitle(const TextBlock& b) { return b.kind == 'h' && b.words >= 3; }

// Weight of a block in the container score: content text counts for the
// container, link lists and short fragments against it.
double BlockWeight(const TextBlock& b) {
  double ld = b.link_density();
  if (ld > 0.5) return IsTeaserTitle(b) ? 0.3 * b.chars : -1.0 * b.chars;
  if (b.sentence && b.words >= 8) return b.chars * (1.0 - ld) + 40;
  if (b.sentence) return b.chars * (1.0 - ld) * 0.7;
  if (b.kind == 'h') return 0.3 * b.chars;
  return -0.3 * b.chars;
}

// A sentence of some length outside links: article prose.
bool IsProse(const TextBlock& b) { return b.sentence && b.words >= 8 && b.link_density() < 0.3; }

bool IsMainHint(const DomNode& n) {
  if (n.id == MyHTML_TAG_ARTICLE || n.id == MyHTML_TAG_MAIN) return true;
  std::string_view role = n.Attr("role");
  if (role == "main" || role == "article") return true;
  std::string_view prop = n.Attr("itemprop");
  return prop == "articleBody" || prop == "text" || prop == "mainContentOfPage";
}

// True when an element below `node` is marked as the page's content.
bool HoldsMainHint(const Dom& dom, int node) {
  for (int i = node + 1; i < dom.nodes[node].end; ++i) {
    if (!dom.nodes[i].is_text() && IsMainHint(dom.nodes[i])) return true;
  }
  return false;
}

void AppendBlock(std::string& out, const TextBlock& b, char prev_kind) {
  if (!out.empty()) out += (b.kind == 'l' && prev_kind == 'l') ? "\n" : "\n\n";
  out += b.text;
}

// True when the block sits in a <figcaption> (photo captions and credits).
// Elements merely classed "caption" are left alone: page builders use the
// word for the text of feature boxes.
bool IsCaption(const Dom& dom, int owner, int top) {
  for (int p = owner, hops = 0; p > top && hops < 4; p = dom.nodes[p].parent, ++hops) {
    if (dom.nodes[p].id == MyHTML_TAG_FIGCAPTION) return true;
  }
  return false;
}

// Below this many bytes the chosen container is taken to have missed the
// content.
constexpr size_t kShortText = 500;
// Blocks and bytes of text that make a short box a box of items.
constexpr int kItemBlocks = 8;
constexpr size_t kItemText = 300;
// Share of the best score an element below the best one must hold to be
// taken instead.
constexpr double kDescendShare = 0.75;
// Prose (sentences outside links) that makes a container an article body.
constexpr int kArticleProse = 1500;

// Repeated blocks of kRepeatWords words or more that make a run of
// repeated text.
constexpr int kRepeatRun = 5;
constexpr int kRepeatWords = 4;

// Marks the blocks of `kept` (indices into `blocks`) that repeat an earlier
// block's text in a run holding at least kRepeatRun repeated blocks of some
// length: a page that carries its text twice (a copy for small screens, a
// hidden print version). Short blocks (table cells, "Yes", headings of a
// word) neither make nor break a run; a sentence repeated alone (the same
// disclaimer under each coupon, the same blurb on each item) stays.
std::vector<bool> RepeatedRuns(const std::vector<TextBlock>& blocks, const std::vector<int>& kept) {
  std::unordered_set<std::string_view> seen;
  std::vector<bool> repeat(kept.size()), drop(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) repeat[k] = !seen.insert(blocks[kept[k]].text).second;
  auto is_short = [&](size_t k) { return blocks[kept[k]].words < kRepeatWords; };
  for (size_t k = 0; k < kept.size();) {
    if (!repeat[k] && !is_short(k)) {
      ++k;
      continue;
    }
    size_t e = k;
    int long_repeats = 0;
    while (e < kept.size() && (repeat[e] || is_short(e)))
      long_repeats += repeat[e] && !is_short(e), ++e;
    if (long_repeats >= kRepeatRun) {
      for (size_t j = k; j < e; ++j) drop[j] = repeat[j];
    }
    k = e;
  }
  return drop;
}

// The blocks under `top` as text. Strict mode drops link-dense blocks (bar
// item titles); lenient mode only drops links of fewer than three words.
std::string JoinBlocks(const Dom& dom, const std::vector<TextBlock>& blocks, int top,
                       const std::string& norm_title, bool lenient) {
  // Under an article's body, linked headings are its "recent articles"
  // boxes; elsewhere they are the items of a listing.
  int prose = 0;
  for (const TextBlock& b : blocks) {
    if (b.owner >= top && b.owner < dom.nodes[top].end && IsProse(b)) prose += b.chars;
  }
  const bool article = prose >= kArticleProse;
  std::vector<int> kept;
  for (int i = 0; i < static_cast<int>(blocks.size()); ++i) {
    const TextBlock& b = blocks[i];
    if (b.owner < top || b.owner >= dom.nodes[top].end) continue;
    if (b.link_density() > 0.5) {
      bool keep = lenient ? b.words >= 3
                          : (IsTeaserTitle(b) && !article) ||
                                (b.sentence && b.words >= 12 && b.link_density() < 0.8);
      if (!keep) continue;
    }
    if (b.kind == 'h' && !norm_title.empty() && LineKey(b.text) == norm_title) continue;
    if (IsFurnitureText(b.text)) continue;
    // Captions and photo credits under an article's text are not part of
    // it; on listings and shops they are the items' names.
    if (article && IsCaption(dom, b.owner, top)) continue;
    kept.push_back(i);
  }
  const std::vector<bool> repeated = RepeatedRuns(blocks, kept);
  std::string out;
  char prev = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    if (repeated[k]) continue;
    AppendBlock(out, blocks[kept[k]], prev);
    prev = blocks[kept[k]].kind;
  }
  return out;
}

}  // namespace

namespace {

// One pruning pass. `thread`: the page is a discussion thread (IsThread).
// Elements in `named_content` are exempt from the class and id test; the
// ones that test removed are listed in `by_name`.
std::vector<bool> PrunePass(const Dom& dom, const TextSizes& sizes, bool thread,
                            const std::vector<bool>& named_content, std::vector<int>* by_name) {
  const int n = static_cast<int>(dom.nodes.size());
  std::vector<bool> pruned(n, false);
  const std::vector<int>& size = sizes.all;
  const int root = dom.body >= 0 ? dom.body : 0;
  const int total = std::max(1, size[root]);
  const int prose_total = sizes.prose[root];
  // An element that holds most of the page's prose is the content whatever
  // its class says (page builders put "widget" on every box).
  auto holds_prose = [&](int i) {
    return sizes.prose[i] >= 300 && sizes.prose[i] * 2 > prose_total;
  };
  for (int i = 1; i < n; ++i) {
    const DomNode& node = dom.nodes[i];
    if (node.is_text() || node.id == MyHTML_TAG_BODY || node.id == MyHTML_TAG_HTML) continue;
    bool drop = false;
    if (IsDropped(node)) {
      // Some sites wrap the whole page in a form or a header, and script
      // applications serve their text for crawlers in <noscript>: keep those.
      const bool wrapper = node.id == MyHTML_TAG_FORM || node.id == MyHTML_TAG_HEADER ||
                           node.id == MyHTML_TAG_NOSCRIPT;
      // An unclosed <aside> or <nav> makes the parser nest the rest of the
      // page in it: one that holds the page's <main> or <article> is a
      // wrapper too. An <article>'s <header> heads that item; it is not
      // the page's banner.
      drop = !(size[i] * 2 > total && (wrapper || HoldsMainHint(dom, i))) &&
             !(node.id == MyHTML_TAG_HEADER && HasAncestor(dom, i, MyHTML_TAG_ARTICLE));
    } else if (size[i] >= kConsentText && NamesConsent(node)) {
      // Consent dialogs can hold more prose than a listing page's content.
      drop = size[i] * 5 < total * 4;
    } else if (sizes.prose[i] >= kReviewProse && NamesReviews(node)) {
      // Star ratings, review counts and one-line quotes on a listing's
      // items stay with their item.
      drop = size[i] * 3 <= total && !IsMainHint(node) && !holds_prose(i);
    } else if ((IsHidden(node) && !IsDisclosurePanel(node)) || FurnitureRole(node.Attr("role"))) {
      // Shops hide the product box until a script shows it.
      drop = size[i] * 2 <= total && !holds_prose(i);
    } else if (!named_content[i] && (NamesFurniture(node.Attr("class"), thread) ||
                                     NamesFurniture(node.Attr("id"), thread))) {
      drop = size[i] * 3 <= total && !IsMainHint(node) && !holds_prose(i);
      if (drop) by_name->push_back(i);
    }
    if (drop) {
      for (int j = i; j < node.end; ++j) pruned[j] = true;
      i = node.end - 1;
    }
  }
  return pruned;
}

// Prose (bytes) that furniture-named boxes must hold together, and each of
// them, to be taken for content when they hold most of the page's prose.
constexpr int kNamedTotalProse = 300;
constexpr int kNamedProse = 150;

}  // namespace

std::vector<bool> PruneMask(const Dom& dom) {
  const TextSizes sizes = MeasureText(dom);
  std::vector<bool> named_content(dom.nodes.size(), false);
  std::vector<int> by_name;
  const int root = dom.body >= 0 ? dom.body : 0;
  const bool thread = IsThread(dom, sizes.prose, root);
  std::vector<bool> pruned = PrunePass(dom, sizes, thread, named_content, &by_name);
  // Page builders name every box of a page "widget" or "panel-..." and
  // some themes put their text in boxes named like sidebars: when the boxes
  // the names removed hold most of the page's prose, the prose-holding ones
  // among them are the content.
  int named_prose = 0;
  for (int i : by_name) named_prose += sizes.prose[i];
  if (named_prose < kNamedTotalProse || named_prose * 2 <= sizes.prose[root]) return pruned;
  bool any = false;
  for (int i : by_name) {
    if (sizes.prose[i] >= kNamedProse && sizes.prose[i] * 2 >= sizes.all[i] &&
        !NamesTransient(dom.nodes[i])) {
      named_content[i] = any = true;
    }
  }
  if (!any) return pruned;
  by_name.clear();
  return PrunePass(dom, sizes, thread, named_content, &by_name);
}

std::vector<TextBlock> CollectBlocks(const Dom& dom, const std::vector<bool>& pruned) {
  std::vector<TextBlock> blocks;
  const int root = dom.body >= 0 ? dom.body : 0;
  BlockBuilder builder(blocks);
  // Open block elements: (end index, owner to restore, kind to restore).
  struct Open {
    int end;
    int owner;
    char kind;
    bool block;
    bool link;
    bool pre;
  };
  std::vector<Open> open;
  int links = 0, pres = 0;
  builder.Start(root, 'p');
  const int stop = dom.nodes[root].end;
  for (int i = root + 1; i < stop; ++i) {
    while (!open.empty() && open.back().end <= i) {
      const Open o = open.back();
      open.pop_back();
      links -= o.link;
      pres -= o.pre;
      if (o.block) builder.Start(o.owner, o.kind);
    }
    const DomNode& node = dom.nodes[i];
    if (pruned[i]) {
      i = node.end - 1;
      continue;
    }
    if (node.is_text()) {
      builder.Add(node.text, links > 0, pres > 0);
      continue;
    }
    bool block = IsBlock(node);
    // A link that wraps blocks (a card: heading and summary inside one
    // <a>) is a teaser, not navigation: its text counts as content.
    bool link = node.id == MyHTML_TAG_A && !HoldsBlock(dom, i);
    bool pre = node.id == MyHTML_TAG_PRE;
    if (block) {
      int owner = builder.owner();
      char kind = builder.kind();
      builder.Start(i, KindOf(node));
      open.push_back({node.end, owner, kind, true, link, pre});
    } else {
      open.push_back({node.end, 0, 0, false, link, pre});
    }
    links += link;
    pres += pre;
  }
  builder.Flush();
  return blocks;
}

int ChooseContainer(const Dom& dom, const std::vector<bool>& pruned,
                    const std::vector<TextBlock>& blocks) {
  const int n = static_cast<int>(dom.nodes.size());
  std::vector<double> score(n, 0.0);
  std::vector<int> chars(n, 0);
  for (const TextBlock& b : blocks) {
    score[b.owner] += BlockWeight(b);
    chars[b.owner] += b.chars;
  }
  for (int i = n - 1; i >= 1; --i) {
    if (dom.nodes[i].parent >= 0) {
      score[dom.nodes[i].parent] += score[i];
      chars[dom.nodes[i].parent] += chars[i];
    }
  }

  const int root = dom.body >= 0 ? dom.body : 0;
  int best = root;
  double best_score = -1e300;
  for (int i = root; i < dom.nodes[root].end; ++i) {
    if (dom.nodes[i].is_text() || pruned[i]) continue;
    double s = score[i] * (IsMainHint(dom.nodes[i]) ? 1.1 : 1.0);
    if (s > best_score) best_score = s, best = i;
  }
  // The best element often wraps the content with a byline, a caption
  // strip or a box of related stories whose sentences offset their debris:
  // go down to the deepest element that still holds most of the score and
  // at least half the text (a box holding a sliver of the text with none of
  // the debris is one item, not the content).
  int deep = best;
  for (int i = best + 1; i < dom.nodes[best].end; ++i) {
    if (dom.nodes[i].is_text() || pruned[i]) continue;
    if (score[i] >= kDescendShare * best_score && chars[i] * 2 >= chars[best]) deep = i;
  }
  return deep;
}

std::string ExtractMainText(const Dom& dom, std::string_view title) {
  return ExtractMainText(dom, PruneMask(dom), title);
}

std::string ExtractMainText(const Dom& dom, const std::vector<bool>& pruned,
                            std::string_view title) {
  std::vector<TextBlock> blocks = CollectBlocks(dom, pruned);
  const int root = dom.body >= 0 ? dom.body : 0;
  const int best = ChooseContainer(dom, pruned, blocks);
  std::string norm_title = LineKey(title);
  std::string out = JoinBlocks(dom, blocks, best, norm_title, /*lenient=*/false);
  // Pages of short items (shop grids, link listings, threads of one-line
  // posts) leave no container that scores: fall back to the text blocks of
  // the whole body, dropping only bare links of a word or two.
  // A box of many blocks already gathers a page's short items: it stays
  // even when its text is short.
  int box_blocks = 0;
  for (const TextBlock& b : blocks) box_blocks += b.owner >= best && b.owner < dom.nodes[best].end;
  const bool gathers_items = box_blocks >= kItemBlocks && out.size() >= kItemText;
  if (out.size() < kShortText && !gathers_items) {
    std::string all = JoinBlocks(dom, blocks, root, norm_title, /*lenient=*/true);
    if (all.size() > out.size()) out = std::move(all);
  }
  return out;
}

}  // namespace dateline::read
