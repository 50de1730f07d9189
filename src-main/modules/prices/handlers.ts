import type { HandlerMap } from '../../api/handlers';
import type { pricesOps } from '../../../src-shared/contract/prices';
import { archiveList, bulkAdjust, createList, getList, listLists, removePrices, setPrices, updateList } from './lists';
import { exportList, importCommit, importPreview } from './listCsv';
import { createGroup, deleteGroup, listGroups, updateGroup } from './groups';
import { getCustomerTerms, setCustomerTerms } from './customerTerms';
import { archivePaymentTerms, createPaymentTerms, listPaymentTerms, updatePaymentTerms } from './paymentTerms';
import { itemCosts, quote, quoteBatch } from './quotes';

export const pricesHandlers: HandlerMap<keyof typeof pricesOps> = {
  'prices.listLists': listLists,
  'prices.getList': getList,
  'prices.createList': createList,
  'prices.updateList': updateList,
  'prices.archiveList': archiveList,
  'prices.setPrices': setPrices,
  'prices.removePrices': removePrices,
  'prices.bulkAdjust': bulkAdjust,
  'prices.importPreview': importPreview,
  'prices.importCommit': importCommit,
  'prices.exportList': exportList,
  'prices.listGroups': listGroups,
  'prices.createGroup': createGroup,
  'prices.updateGroup': updateGroup,
  'prices.deleteGroup': deleteGroup,
  'prices.getCustomerTerms': getCustomerTerms,
  'prices.setCustomerTerms': setCustomerTerms,
  'prices.listPaymentTerms': listPaymentTerms,
  'prices.createPaymentTerms': createPaymentTerms,
  'prices.updatePaymentTerms': updatePaymentTerms,
  'prices.archivePaymentTerms': archivePaymentTerms,
  'prices.quote': quote,
  'prices.quoteBatch': quoteBatch,
  'prices.itemCosts': itemCosts,
};
