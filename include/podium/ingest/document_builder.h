// SPDX-License-Identifier: Apache-2.0
// Turns records into Xapian documents following podium/core/schema.h.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/records.h"

namespace podium::ingest {

// Builds documents with one TermGenerator (English stemming, STEM_SOME, as the searcher's
// QueryParser uses). Not thread-safe.
class DocumentBuilder {
 public:
  // `spelling_db`, when given, receives spelling data from talk text (for "did you mean").
  explicit DocumentBuilder(Xapian::WritableDatabase* spelling_db);

  Xapian::Document talk(const Talk& talk);
  // `talks`: every talk that names the speaker, in any order.
  Xapian::Document speaker(const Speaker& speaker, const std::vector<Talk>& talks);
  Xapian::Document community(const Community& community);

 private:
  void index_field(const std::string& text, const char* prefix, bool spelling = false);
  void index_transcript(const std::vector<TranscriptCue>& cues);

  Xapian::TermGenerator generator_;
  Xapian::WritableDatabase* spelling_db_;
};

}  // namespace podium::ingest
