#include "read/html_dom.h"

#include <myhtml/api.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>

#include "text/fold.h"
#include "text/utf8.h"

namespace dateline::read {
namespace {

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (name == w) return true;
  }
  return false;
}

// One myhtml instance and one tree per thread: myhtml_t is not safe to
// share while parsing, and building either costs more than parsing a small
// page, so the tree is cleaned and reused.
struct MyHtml {
  myhtml_t* handle = nullptr;
  myhtml_tree_t* tree = nullptr;
  MyHtml() {
    handle = myhtml_create();
    if (myhtml_init(handle, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      myhtml_destroy(handle);
      handle = nullptr;
      return;
    }
    tree = myhtml_tree_create();
    if (myhtml_tree_init(tree, handle) != MyHTML_STATUS_OK) {
      myhtml_tree_destroy(tree);
      tree = nullptr;
    }
  }
  ~MyHtml() {
    if (tree) myhtml_tree_destroy(tree);
    if (handle) myhtml_destroy(handle);
  }
};

static_assert(DomNode::kTextId == MyHTML_TAG__TEXT);

MyHtml& ThreadParser() {
  thread_local MyHtml parser;
  return parser;
}

// ---- Nesting pre-scan ----

enum class TagKind { kNest, kFlat, kRawText };

// How a start tag affects nesting depth. Void elements and elements whose
// end tag is optional (the parser closes them when a sibling starts) do not
// nest; raw-text elements nest but their content holds no tags.
TagKind KindOfTag(std::string_view name) {
  // Most tags are short and common: bucket by first letter so a tag is
  // compared with a handful of names, not all of them.
  struct Index {
    std::vector<std::pair<std::string_view, TagKind>> by_letter[26];
    Index() {
      for (std::string_view w :
           {"area", "base",   "br",       "col",   "embed",    "hr",     "img",   "input", "link",
            "meta", "param",  "source",   "track", "wbr",      "keygen", "p",     "li",    "dt",
            "dd",   "option", "optgroup", "tr",    "td",       "th",     "tbody", "thead", "tfoot",
            "rb",   "rt",     "rp",       "rtc",   "colgroup", "html",   "head",  "body"}) {
        by_letter[w[0] - 'a'].push_back({w, TagKind::kFlat});
      }
      for (std::string_view w : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                 "noframes", "plaintext"}) {
        by_letter[w[0] - 'a'].push_back({w, TagKind::kRawText});
      }
    }
  };
  static const Index* index = new Index();
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return TagKind::kNest;
  for (const auto& [w, kind] : index->by_letter[name[0] - 'a']) {
    if (w == name) return kind;
  }
  return TagKind::kNest;
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Position of the first case-insensitive "</name" at or after `from`.
size_t FindEndTag(std::string_view html, std::string_view name, size_t from) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) break;
    bool same = true;
    for (size_t k = 0; k < name.size() && same; ++k) {
      char c = html[i + 2 + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == name[k];
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

// One tag found by ScanTags: bytes [begin, end) of `html`.
struct ScannedTag {
  size_t begin, end;
  bool close;
  TagKind kind;
  int weight;  // levels the element adds: a table brings its tbody, tr and td
};

// Calls `fn(tag)` for each start and end tag in document order, skipping
// comments, doctypes and raw-text content. Linear in the input size.
template <typename Fn>
void ScanTags(std::string_view html, Fn fn) {
  const size_t n = html.size();
  size_t i = html.find('<');
  while (i != std::string_view::npos && i + 1 < n) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t j = html.find("-->", i + 4);
      i = j == std::string_view::npos ? j : html.find('<', j + 3);
      continue;
    }
    if (html[i + 1] == '!' || html[i + 1] == '?') {
      size_t j = html.find('>', i + 2);
      i = j == std::string_view::npos ? j : html.find('<', j + 1);
      continue;
    }
    const bool close = html[i + 1] == '/';
    size_t k = i + 1 + close;
    if (k >= n || !IsAlpha(html[k])) {
      i = html.find('<', i + 1);
      continue;
    }
    char name[16];
    size_t len = 0;
    size_t m = k;
    for (; m < n && html[m] != '>' && html[m] != '/' && html[m] != ' ' && html[m] != '\t' &&
           html[m] != '\n' && html[m] != '\r' && html[m] != '\f';
         ++m) {
      char c = html[m];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (len < sizeof(name)) name[len] = c;
      ++len;
    }
    std::string_view tag_name(name, std::min(len, sizeof(name)));
    if (len > sizeof(name)) tag_name = "#long";  // never a known tag
    // The tag ends at the first '>' outside a double-quoted attribute value:
    // a '>' with an odd number of '"' before it in the tag is inside one.
    // (Single quotes are left alone: apostrophes in values are common.)
    size_t e = html.find('>', m);
    size_t quotes = 0, counted = m;
    while (e != std::string_view::npos) {
      quotes += std::count(html.begin() + counted, html.begin() + e, '"');
      counted = e;
      if (quotes % 2 == 0) break;
      e = html.find('>', e + 1);
    }
    if (e == std::string_view::npos) e = n;
    size_t end = e < n ? e + 1 : n;
    TagKind kind = KindOfTag(tag_name);
    if (!close && end >= 2 && html[end - 2] == '/' && kind == TagKind::kNest) kind = TagKind::kFlat;
    fn(ScannedTag{i, end, close, kind, tag_name == "table" ? 4 : 1});
    if (!close && kind == TagKind::kRawText) {
      i = FindEndTag(html, tag_name, end);
      continue;
    }
    i = html.find('<', end);
  }
}

// The attributes the reader looks at. Copying only these saves most of the
// copy's allocations (srcset, data-*, inline handlers are long and useless).
// myhtml gives attribute names in lower case.
bool IsKeptAttribute(std::string_view key) {
  return InList(
      key,
      {"class",    "id",       "role",     "style", "hidden",  "aria-hidden", "aria-labelledby",
       "itemprop", "itemtype", "property", "name",  "content", "datetime",    "http-equiv",
       "rel",      "href",     "type",     "lang",  "title",   "pubdate"});
}

// Copies a string out of the parser. myhtml's text is not always valid
// UTF-8 when its input is: it drops NULs and can then cut a text short in the
// middle of a character. This is where the page's bytes enter everything the
// reader returns (text, title, metadata), so they are checked here, once;
// the check costs little beside the copy (ASCII is scanned 8 bytes at a time).
void AssignUtf8(std::string& out, const char* data, size_t len) {
  const std::string_view s(data, len);
  if (FindInvalidUtf8(s) == std::string_view::npos) {
    out.assign(s);
  } else {
    out = SanitizeUtf8(s);
  }
}

// Copies the myhtml tree under `root` into `dom`, in document order, without
// recursion.
void Copy(myhtml_tree_t* tree, myhtml_tree_node_t* root, Dom& dom) {
  std::vector<std::pair<myhtml_tree_node_t*, int>> stack;  // (node, parent index)
  for (myhtml_tree_node_t* c = myhtml_node_last_child(root); c; c = myhtml_node_prev(c)) {
    stack.push_back({c, 0});
  }
  std::vector<int> open;  // indices whose `end` is set when their subtree is done
  while (!stack.empty()) {
    auto [node, parent] = stack.back();
    stack.pop_back();
    myhtml_tag_id_t id = myhtml_node_tag_id(node);
    if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE) continue;
    int index = static_cast<int>(dom.nodes.size());
    dom.nodes.emplace_back();
    DomNode& n = dom.nodes.back();
    n.parent = parent;
    n.id = static_cast<unsigned>(id);
    if (id == MyHTML_TAG__TEXT) {
      n.tag = "#text";
      size_t len = 0;
      const char* text = myhtml_node_text(node, &len);
      if (text) AssignUtf8(n.text, text, len);
      continue;
    }
    size_t len = 0;
    const char* name = myhtml_tag_name_by_id(tree, id, &len);
    if (name) n.tag = AsciiLower(std::string_view(name, len));
    for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(node); a;
         a = myhtml_attribute_next(a)) {
      size_t klen = 0, vlen = 0;
      const char* k = myhtml_attribute_key(a, &klen);
      if (k == nullptr || !IsKeptAttribute(std::string_view(k, klen))) continue;
      const char* v = myhtml_attribute_value(a, &vlen);
      n.attrs.emplace_back(std::string(k, klen), std::string());
      if (v) AssignUtf8(n.attrs.back().second, v, vlen);
    }
    if (id == MyHTML_TAG_HEAD && dom.head < 0) dom.head = index;
    if (id == MyHTML_TAG_BODY && dom.body < 0) dom.body = index;
    for (myhtml_tree_node_t* c = myhtml_node_last_child(node); c; c = myhtml_node_prev(c)) {
      stack.push_back({c, index});
    }
  }
  // Subtree ends: a node's subtree ends where the next node that is not its
  // descendant starts. Children follow their parent, so a reverse pass works.
  const int n = static_cast<int>(dom.nodes.size());
  for (int i = 0; i < n; ++i) dom.nodes[i].end = i + 1;
  for (int i = n - 1; i > 0; --i) {
    int p = dom.nodes[i].parent;
    if (p >= 0 && dom.nodes[i].end > dom.nodes[p].end) dom.nodes[p].end = dom.nodes[i].end;
  }
}

}  // namespace

int EstimateNestingDepth(std::string_view html) {
  int depth = 0, deepest = 0;
  ScanTags(html, [&](const ScannedTag& t) {
    if (t.kind == TagKind::kFlat) return;
    if (t.close) {
      depth = std::max(0, depth - t.weight);
    } else {
      depth += t.weight;
      deepest = std::max(deepest, depth);
    }
  });
  return deepest;
}

size_t FlattenDeepNesting(std::string_view html, int max_depth, std::string& out) {
  out.clear();
  out.reserve(html.size());
  int depth = 0;
  std::vector<int> dropped;  // weights of the start tags dropped and not yet closed
  size_t copied = 0, first = std::string_view::npos;
  ScanTags(html, [&](const ScannedTag& t) {
    if (t.kind == TagKind::kFlat) return;
    bool drop = false;
    if (!t.close && depth + t.weight > max_depth) {
      drop = true;
      dropped.push_back(t.weight);
    } else if (!t.close) {
      depth += t.weight;
    } else if (!dropped.empty()) {
      drop = true;
      dropped.pop_back();
    } else {
      depth = std::max(0, depth - t.weight);
    }
    if (!drop) return;
    if (first == std::string_view::npos) first = t.begin;
    out.append(html.substr(copied, t.begin - copied));
    copied = t.end;
  });
  out.append(html.substr(copied));
  return first;
}

std::string_view DomNode::Attr(std::string_view key) const {
  for (const auto& [k, v] : attrs) {
    if (k == key) return v;
  }
  return {};
}

bool DomNode::HasAttr(std::string_view key) const {
  for (const auto& kv : attrs) {
    if (kv.first == key) return true;
  }
  return false;
}

Dom ParseHtml(std::string_view html) {
  Dom dom;
  dom.nodes.emplace_back();
  dom.nodes[0].tag = "#document";
  std::string flat;
  if (EstimateNestingDepth(html) > kMaxNestingDepth) {
    size_t at = FlattenDeepNesting(html, kMaxNestingDepth, flat);
    html = flat;
    dom.warning = "markup nested deeper than " + std::to_string(kMaxNestingDepth) +
                  " elements from byte " + std::to_string(at) + " was flattened";
  }
  MyHtml& parser = ThreadParser();
  if (parser.tree == nullptr) return dom;
  // Pages run about one node per 60-100 bytes; reserving avoids the copies
  // of regrowth (memory reserved and never touched costs nothing).
  dom.nodes.reserve(html.size() / 32 + 16);
  if (myhtml_parse(parser.tree, MyENCODING_UTF_8, html.data(), html.size()) == MyHTML_STATUS_OK) {
    Copy(parser.tree, myhtml_tree_get_document(parser.tree), dom);
  }
  myhtml_tree_clean(parser.tree);
  dom.nodes[0].end = static_cast<int>(dom.nodes.size());
  return dom;
}

std::string SubtreeText(const Dom& dom, int node) {
  std::string out;
  bool space = false;
  for (int i = node; i < dom.nodes[node].end; ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.id == MyHTML_TAG_SCRIPT || n.id == MyHTML_TAG_STYLE) {
      i = n.end - 1;
      continue;
    }
    if (!n.is_text()) continue;
    for (char c : n.text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space = !out.empty();
      } else {
        if (space) out += ' ';
        space = false;
        out += c;
      }
    }
  }
  return out;
}

bool HasAncestor(const Dom& dom, int node, unsigned tag) {
  for (int p = dom.nodes[node].parent; p > 0; p = dom.nodes[p].parent) {
    if (dom.nodes[p].id == tag) return true;
  }
  return false;
}

}  // namespace dateline::read
