#include "documents/module.h"

namespace sz::documents {

const module::Info kModule{
    "documents",
    "资料",
    {.actions = {{"document.upload", "上传资料"}},
     .entities = {{"document", "资料"}}},
};

}  // namespace sz::documents
