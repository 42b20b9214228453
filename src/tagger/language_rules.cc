#include "tagger/language_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "tagger/anchor.h"
#include "tagger/rule_error.h"
#include "tagger/rule_file.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace dateline {
namespace {

// Text is folded and scanned in chunks of about this size, cut at a line or
// sentence end, so scratch memory stays small whatever the input's size.
constexpr size_t kChunkSize = size_t{1} << 20;

// The end of the chunk starting at `begin`: the last newline, else sentence
// end, else blank in the chunk's final quarter; a hard cut (moved back to a
// character boundary) when there is none.
size_t ChunkEnd(std::string_view text, size_t begin) {
  if (text.size() - begin <= kChunkSize) return text.size();
  const size_t limit = begin + kChunkSize;
  const size_t floor = limit - kChunkSize / 4;
  for (const char* seps : {"\n", ".!?", " \t"}) {
    for (size_t i = limit; i > floor; --i) {
      if (std::string_view(seps).find(text[i - 1]) != std::string_view::npos) return i;
    }
  }
  size_t cut = limit;
  while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut > begin ? cut : limit;
}

// Blanks web addresses ("http://...", "https://...", "www....") in folded
// text with a byte no pattern matches: the digits of an address are a path
// ("lemonde.fr/article/2013/07/06/..."), not a date of the text. A trailing
// punctuation mark stays, as it may end the sentence.
void BlankWebAddresses(std::string& text) {
  for (std::string_view marker : {"http://", "https://", "www."}) {
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
      if (marker[0] == 'w' && at > 0 && !std::isspace(static_cast<unsigned char>(text[at - 1])) &&
          text[at - 1] != '/' && text[at - 1] != '(' && text[at - 1] != '"') {
        at += marker.size();  // inside a word or already blanked
        continue;
      }
      size_t end = at;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
             text[end] != '"' && text[end] != '<' && text[end] != '>') {
        ++end;
      }
      while (end > at &&
             std::string_view(".,;:!?)]").find(text[end - 1]) != std::string_view::npos) {
        --end;
      }
      std::fill(text.begin() + static_cast<std::ptrdiff_t>(at),
                text.begin() + static_cast<std::ptrdiff_t>(end), '\x01');
      at = end;
    }
  }
}

}  // namespace

StatusOr<std::map<std::string, std::unique_ptr<RuleSet>>> CompileLanguages(
    const LanguageRegistry& languages) {
  std::map<std::string, std::unique_ptr<RuleSet>> compiled;
  try {
    for (const LanguagePack& pack : languages.packs()) {
      if (!pack.has_tagger_rules()) continue;
      LanguageSpec spec;
      spec.language = pack.code();
      for (const auto& [path, text] : pack.rule_files()) ParseRuleFile(path, text, spec);
      compiled[pack.code()] = std::make_unique<RuleSet>(spec);
    }
  } catch (const RuleError& e) {
    return Status::InvalidArgument(e.what());
  }
  if (compiled.empty()) return Status::InvalidArgument("no rule files found");
  return compiled;
}

void TagText(const RuleSet& rules, std::string_view text, const TagOptions& options,
             const ScanControl* control, const ChunkSink& sink) {
  const int dct_year = options.dct ? options.dct->date.year : 0;
  ScanTrace* trace = control != nullptr ? control->trace : nullptr;
  // Each chunk is scanned and anchored before the next, so scratch space
  // stays the size of a chunk whatever the size of the text.
  std::vector<Partial> partials;
  std::vector<TimeExpression> expressions;
  DocumentAnchor anchor(options.dct, options.mode);
  FoldedText folded;
  folded.original = text;  // the offsets FoldText gives are into `text`
  CodePointCounter code_points(text);
  ScanTrace chunk_trace;
  ScanControl chunk_control;
  if (control != nullptr) chunk_control = *control;
  chunk_control.trace = &chunk_trace;
  std::vector<size_t> sources;  // the partial of each expression, when tracing
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = ChunkEnd(text, begin);
    FoldText(text.substr(begin, end - begin), static_cast<uint32_t>(begin), folded);
    BlankWebAddresses(folded.text);
    partials.clear();
    expressions.clear();
    if (trace == nullptr) {
      rules.Scan(folded, dct_year, options.mode, partials, control);
      anchor.Anchor(partials, expressions);
    } else {
      chunk_trace = ScanTrace();
      rules.Scan(folded, dct_year, options.mode, partials, &chunk_control);
      // Anchored as a whole, as without a trace (the anchor looks at the
      // partials around each one), noting which partial each came from.
      sources.clear();
      anchor.Anchor(partials, expressions, &sources);
      for (size_t i : sources) trace->partials.push_back(std::move(chunk_trace.partials[i]));
      for (ClaimTrace& claim : chunk_trace.claims) trace->claims.push_back(claim);
    }
    // Code points are counted as the chunks go, so the text is walked once
    // and no index of it is kept.
    for (TimeExpression& e : expressions) {
      e.cp_begin = code_points.At(e.begin);
      e.cp_end = code_points.At(e.end);
    }
    if (!expressions.empty()) sink(expressions);
    begin = end;
  }
}

}  // namespace dateline
