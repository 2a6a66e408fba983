// SPDX-License-Identifier: Apache-2.0
// Small accessors over the record variant.
#include "podium/core/records.h"

namespace podium {

const char* record_kind_name(RecordKind kind) {
  switch (kind) {
    case RecordKind::kSpeaker:
      return "speaker";
    case RecordKind::kTalk:
      return "talk";
    case RecordKind::kCommunity:
      return "community";
  }
  return "unknown";
}

RecordKind kind_of(const Record& record) {
  struct Visitor {
    RecordKind operator()(const Speaker&) const { return RecordKind::kSpeaker; }
    RecordKind operator()(const Talk&) const { return RecordKind::kTalk; }
    RecordKind operator()(const Community&) const { return RecordKind::kCommunity; }
    RecordKind operator()(const Deletion& d) const { return d.kind; }
  };
  return std::visit(Visitor{}, record);
}

const std::string& id_of(const Record& record) {
  return std::visit([](const auto& r) -> const std::string& { return r.id; }, record);
}

}  // namespace podium
