// A compact, read-only DOM built from myhtml's parse tree. Nodes sit in a
// vector in document order; a node's subtree is the index range
// [index, end), so passes over the tree are loops, never recursion, and a
// page nested 100,000 levels deep cannot overflow the stack.
#ifndef DATELINE_READ_HTML_DOM_H_
#define DATELINE_READ_HTML_DOM_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::read {

struct DomNode {
  std::string tag;  // lower-case element name; "#text" for text nodes
  // myhtml's id of the tag (MyHTML_TAG_DIV..., <myhtml/tag_const.h>): cheap
  // to compare in the passes that run over every node. Elements myhtml does
  // not know have ids >= MyHTML_TAG_LAST_ENTRY; the document node has 0.
  unsigned id = 0;
  std::string text;  // text nodes only (entities decoded); valid UTF-8
  // Lower-case keys; only the attributes the reader uses (class, id, role,
  // style, hidden, itemprop, meta and link fields, datetime, lang, title...);
  // values are valid UTF-8.
  std::vector<std::pair<std::string, std::string>> attrs;
  int parent = -1;
  int end = 0;  // one past the last node of the subtree

  bool is_text() const { return id == kTextId; }
  static constexpr unsigned kTextId = 1;  // MyHTML_TAG__TEXT
  // The attribute's value, or "" when absent.
  std::string_view Attr(std::string_view key) const;
  bool HasAttr(std::string_view key) const;
};

struct Dom {
  std::vector<DomNode> nodes;  // nodes[0] is the document
  int head = -1;
  int body = -1;
  // Set when the markup had to be simplified before parsing (see
  // kMaxNestingDepth); says where and why.
  std::string warning;
};

// Deepest element nesting handed to the HTML parser. myhtml's tree builder
// takes time quadratic in the depth of open elements (100,000 nested <div>
// take tens of seconds), and no real page comes near this depth.
inline constexpr int kMaxNestingDepth = 512;

// Estimates the element nesting depth of `html` with a cheap scan of its
// tags: end tags close the last open element, void elements, self-closed
// tags and elements whose end tag may be omitted (p, li, td...) do not
// nest; a <table> counts for the tbody, tr and td it implies. Comments and the content of script,
// style and similar raw-text elements are skipped. The estimate can exceed what a browser would
// build (unclosed inline tags) but never misses a deep chain of real nesting.
int EstimateNestingDepth(std::string_view html);

// Copies `html` without the start tags that would open an element deeper
// than `max_depth` (by the estimate above) nor the end tags that would close
// them: their text is kept, flattened into the element at `max_depth`.
// Returns the byte offset of the first tag dropped, or npos when none was.
size_t FlattenDeepNesting(std::string_view html, int max_depth, std::string& out);

// Parses UTF-8 HTML. Never fails: markup errors are repaired the way
// browsers do, and markup nested deeper than kMaxNestingDepth is flattened
// first (with `warning` set). Thread-safe (each thread keeps its own parser).
Dom ParseHtml(std::string_view html);

// The text of a subtree with whitespace collapsed (no block structure).
std::string SubtreeText(const Dom& dom, int node);

// True when an element above `node` has the myhtml tag id `tag`.
bool HasAncestor(const Dom& dom, int node, unsigned tag);

}  // namespace dateline::read

#endif  // DATELINE_READ_HTML_DOM_H_
