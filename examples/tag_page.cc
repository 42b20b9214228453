// Tags a news page through the pipeline alone: reads the page, takes its
// publication date as the DCT, and prints each temporal expression with its
// TIMEX3 value. Builds against the pipeline's library only (no store, no
// timeline): see the tag_page target in CMakeLists.txt.
//
//   build/tag_page demo/fr/2024-03-06-pont-effondre.html
#include <fstream>
#include <iostream>
#include <sstream>

#include "dateline/pipeline.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tag_page PAGE.html\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "tag_page: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();

  auto pipeline = dateline::Pipeline::Create();
  if (!pipeline.ok()) {
    std::cerr << "tag_page: " << pipeline.status().message() << "\n";
    return 1;
  }
  dateline::AnnotateOptions options;
  options.path = argv[1];
  const auto doc = (*pipeline)->Annotate(bytes.str(), options);
  if (!doc.ok()) {
    std::cerr << "tag_page: " << doc.status().message() << "\n";
    return dateline::ExitStatusFor(doc.status());
  }
  std::cout << "language " << doc->language << " ("
            << dateline::LanguageSourceName(doc->language_source) << "), DCT "
            << (doc->dct ? dateline::FormatDayTime(*doc->dct) : "none") << " ("
            << dateline::DctSourceName(doc->dct_source) << ")\n";
  for (const dateline::TimeExpression& e : doc->expressions) {
    std::cout << e.cp_begin << "-" << e.cp_end << "\t" << doc->text.substr(e.begin, e.end - e.begin)
              << "\t" << e.value << "\n";
  }
  return 0;
}
